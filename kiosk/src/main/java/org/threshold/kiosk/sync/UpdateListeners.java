package org.threshold.kiosk.sync;

import java.util.List;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.sync.FeedUpdate;

/**
 * Where the kiosk hears of each kind of update from the hub, once its signature is verified. Each listener is
 * called on the sync thread, in feed order, and must be idempotent: after a crash the page is applied again.
 * A listener that throws stops the page; the cursor stays before it and the page is applied again next time.
 */
public record UpdateListeners(OperatorsListener operators, SettingsListener settings, CatalogueListener catalogue,
                              RevokedTokensListener revokedTokens, RevocationListener revocation,
                              SealingKeyListener sealingKey) {

    /** Listeners that do nothing beyond what {@link UpdatePuller} keeps in the sync state file. */
    public static UpdateListeners none() {
        return new UpdateListeners(operators -> { }, settings -> { }, version -> { }, tokens -> { }, order -> { },
                key -> { });
    }

    public UpdateListeners withRevocation(RevocationListener listener) {
        return new UpdateListeners(operators, settings, catalogue, revokedTokens, listener, sealingKey);
    }

    public UpdateListeners withOperators(OperatorsListener listener) {
        return new UpdateListeners(listener, settings, catalogue, revokedTokens, revocation, sealingKey);
    }

    public UpdateListeners withSealingKey(SealingKeyListener listener) {
        return new UpdateListeners(operators, settings, catalogue, revokedTokens, revocation, listener);
    }

    @FunctionalInterface
    public interface OperatorsListener {
        void operatorsChanged(List<OperatorRecord> operators);
    }

    @FunctionalInterface
    public interface SettingsListener {
        void settingsChanged(FeedUpdate.KioskSettings settings);
    }

    @FunctionalInterface
    public interface CatalogueListener {
        void catalogueVersionChanged(String version);
    }

    @FunctionalInterface
    public interface RevokedTokensListener {
        void tokensRevoked(List<String> tokenIds);
    }

    /**
     * The hub revoked this kiosk. With {@code wipe}, the kiosk must destroy its local keys and readable copies
     * now (issue 3's crypto-shredding implements this); the hub-sealed envelopes may stay, nobody here can read
     * them.
     */
    @FunctionalInterface
    public interface RevocationListener {
        void revoked(FeedUpdate.RevocationOrder order);
    }

    /** Seal new events to this key from now on. */
    @FunctionalInterface
    public interface SealingKeyListener {
        void sealingKeyRotated(FeedUpdate.SealingKey key);
    }
}
