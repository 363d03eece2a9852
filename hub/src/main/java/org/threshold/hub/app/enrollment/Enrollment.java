package org.threshold.hub.app.enrollment;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.enrollment.EnrollmentCode;
import org.threshold.core.pki.Pem;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.feed.UpdateFeed;
import org.threshold.hub.app.kiosk.Kiosk;

/**
 * What administrators do to the deployment, as the hub's admin API or the {@code provision} command line does it:
 * one-time enrollment codes (stored hashed), network enrollment, revocation, each site's operators, a new sealing
 * key. A change kiosks must hear of is published on the {@link UpdateFeed} in the same transaction. Thread-safe.
 */
public final class Enrollment {
    private final HubStore store;
    private final UpdateFeed feed;
    private final Clock clock;

    public Enrollment(HubStore store, UpdateFeed feed, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
    }

    /** What a kiosk gets back from enrolling: its entry in the directory, its certificate and its site's operators. */
    public record Enrolled(Kiosk kiosk, String certificatePem, List<OperatorRecord> operators) {
    }

    // ---- enrollment codes

    /**
     * Stores a new code's hash for {@code kioskId} at {@code site}, valid for {@code validity}.
     *
     * @throws Refusal CONFLICT {@code KIOSK_EXISTS} if the id is enrolled or has a code waiting
     */
    public void addCode(EnrollmentCode code, String kioskId, String site, Duration validity) {
        Instant now = clock.instant();
        store.inTransaction(repositories -> {
            if (repositories.enrollmentCodes().kioskIdTaken(kioskId)) {
                throw new Refusal(Refusal.Kind.CONFLICT, "KIOSK_EXISTS", "Kiosk id " + kioskId + " is already "
                        + "enrolled or has a code waiting. Choose another id with --id, or leave --id out to get the "
                        + "next free one.");
            }
            repositories.enrollmentCodes().add(code.hash(), kioskId, site, now, now.plus(validity));
            return null;
        });
    }

    /** The first {@code KIOSK-NN} that no kiosk and no waiting code has. */
    public String nextFreeKioskId() {
        return store.read(repositories -> {
            for (int n = 1; n < 100_000; n++) {
                String candidate = String.format("KIOSK-%02d", n);
                if (!repositories.enrollmentCodes().kioskIdTaken(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("No free kiosk id below KIOSK-99999");
        });
    }

    /**
     * Enrolls a kiosk that proved it holds {@code kioskKey}: spends the code first, in a transaction of its own, so
     * it works once even if the rest fails or the answer is lost; then issues the kiosk's certificate and adds it to
     * the directory.
     *
     * @throws Refusal FORBIDDEN {@code CODE_UNKNOWN}, CONFLICT {@code CODE_USED}, GONE {@code CODE_EXPIRED};
     *                 CONFLICT {@code NO_OPERATORS} when the site has nobody who could unlock the kiosk
     */
    public Enrolled enroll(EnrollmentCode code, VerifyingKey kioskKey, String softwareVersion,
                           DeploymentAuthority authority) {
        Instant now = clock.instant();
        EnrollmentCodeRepository.Code redeemed = store.inTransaction(repositories -> redeem(repositories, code, now));
        List<OperatorRecord> operators = operators(redeemed.site());
        if (operators.isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "NO_OPERATORS", "Site \"" + redeemed.site() + "\" has no "
                    + "operators, so nobody could unlock this kiosk; the code is spent. Add one on the hub (provision "
                    + "operators add), then make a new code (provision kiosk add).");
        }
        X509Certificate certificate = authority.issueKiosk(redeemed.kioskId(), redeemed.site(), kioskKey, now);
        String certificatePem = Pem.certificate(certificate);
        Kiosk kiosk = new Kiosk(redeemed.kioskId(), redeemed.site(), kioskKey.toBase64(), now, softwareVersion,
                certificatePem, null, false, null);
        store.inTransaction(repositories -> {
            repositories.kiosks().add(kiosk);
            return null;
        });
        return new Enrolled(kiosk, certificatePem, operators);
    }

    private static EnrollmentCodeRepository.Code redeem(Repositories repositories, EnrollmentCode code, Instant now) {
        EnrollmentCodeRepository.Code found = repositories.enrollmentCodes().find(code.hash()).orElseThrow(() ->
                new Refusal(Refusal.Kind.FORBIDDEN, "CODE_UNKNOWN", "The hub does not know this enrollment code. "
                        + "Check it was typed correctly (16 letters and digits), or ask the administrator for a new "
                        + "one: provision kiosk add."));
        if (found.usedAt() != null || !repositories.enrollmentCodes().spend(code.hash(), now)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "CODE_USED", "This enrollment code was already used, and a "
                    + "code works only once. Ask the administrator for a new one (provision kiosk add --site ...).");
        }
        if (!now.isBefore(found.expiresAt())) {
            throw new Refusal(Refusal.Kind.GONE, "CODE_EXPIRED", "This enrollment code expired at "
                    + found.expiresAt() + ". Ask the administrator for a new one (provision kiosk add --site ... "
                    + "--valid-for ...).");
        }
        return found;
    }

    // ---- kiosks

    /**
     * Revokes a kiosk: the hub refuses its batches from now on, and a wipe order waits on the feed for its next pull.
     *
     * @return false if it was already revoked (the first revocation and its order stand)
     * @throws Refusal NOT_FOUND {@code UNKNOWN_KIOSK}
     */
    public boolean revoke(String kioskId, String reason) {
        Instant now = clock.instant();
        return store.inTransaction(repositories -> {
            Kiosk kiosk = repositories.kiosks().find(kioskId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                    "UNKNOWN_KIOSK", "No kiosk " + kioskId + " is enrolled with this hub. See `provision kiosk list` "
                    + "for the ids."));
            if (kiosk.revoked()) {
                return false;
            }
            feed.publish(repositories, Optional.of(kioskId), new FeedUpdate.RevocationOrder(true, reason), now);
            return true;
        });
    }

    // ---- operators

    /**
     * Adds or replaces an operator of {@code site}, and publishes the site's operators to every active kiosk there.
     *
     * @return how many kiosks will be told
     */
    public int setOperator(String site, OperatorRecord operator) {
        Instant now = clock.instant();
        return store.inTransaction(repositories -> {
            repositories.operators().save(site, operator, now);
            return publishOperators(repositories, site, now);
        });
    }

    /** @return how many kiosks will be told, or -1 if the site has no such operator */
    public int removeOperator(String site, String name) {
        Instant now = clock.instant();
        return store.inTransaction(repositories -> repositories.operators().remove(site, name)
                ? publishOperators(repositories, site, now) : -1);
    }

    public Optional<OperatorRecord> operator(String site, String name) {
        return operators(site).stream().filter(operator -> operator.name().equals(name)).findFirst();
    }

    public List<OperatorRecord> operators(String site) {
        return store.read(repositories -> repositories.operators().ofSite(site));
    }

    /** Publishes a new hub sealing key to every kiosk. @return how many kiosks are active (not revoked) */
    public int announceSealingKey(String keyId, String publicKeyBase64) {
        Instant now = clock.instant();
        return store.inTransaction(repositories -> {
            feed.publish(repositories, Optional.empty(), new FeedUpdate.SealingKey(keyId, publicKeyBase64), now);
            return repositories.kiosks().active(null).size();
        });
    }

    /** The feed's operators update replaces a kiosk's whole list, so each change sends the site's list. */
    private int publishOperators(Repositories repositories, String site, Instant now) {
        FeedUpdate.Operators update = new FeedUpdate.Operators(repositories.operators().ofSite(site));
        List<String> kiosks = repositories.kiosks().active(site);
        for (String kioskId : kiosks) {
            feed.publish(repositories, Optional.of(kioskId), update, now);
        }
        return kiosks.size();
    }
}
