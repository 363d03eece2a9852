package org.threshold.kiosk.store;

import java.util.Map;
import org.threshold.core.i18n.Messages;

/** The kiosk will not take new data now (disk nearly full, database damaged); the message says what to do. */
public final class StorageRefusedException extends RuntimeException {
    private final int status;
    private final String reason;
    private final Map<String, Object> args;

    /** @param args the arguments of the message {@code error.<reason>} in the {@code errors} bundle */
    StorageRefusedException(int status, String reason, Map<String, Object> args) {
        super(Messages.of(Messages.ERRORS, Messages.ENGLISH).format("error." + reason, args));
        this.status = status;
        this.reason = reason;
        this.args = Map.copyOf(args);
    }

    public Map<String, Object> args() {
        return args;
    }

    /** The HTTP status to answer with: 507 for disk space, 503 for a damaged database. */
    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
