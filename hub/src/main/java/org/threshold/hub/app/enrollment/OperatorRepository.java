package org.threshold.hub.app.enrollment;

import java.time.Instant;
import java.util.List;
import org.threshold.core.deployment.OperatorRecord;

/** Each site's reception operators, with only an Argon2id hash of their passphrase. */
public interface OperatorRepository {

    /** Adds or replaces {@code operator} at {@code site}. */
    void save(String site, OperatorRecord operator, Instant at);

    /** Says whether there was such an operator. */
    boolean remove(String site, String name);

    /** By name. */
    List<OperatorRecord> ofSite(String site);
}
