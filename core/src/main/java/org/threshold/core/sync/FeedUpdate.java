package org.threshold.core.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.deployment.OperatorRecord;

/**
 * One change the hub tells kiosks about through its signed update feed. On the wire each is a JSON object
 * whose {@code "kind"} names the record, e.g. {@code {"kind":"CATALOGUE_VERSION","version":"v5"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FeedUpdate.Operators.class, name = "OPERATORS"),
    @JsonSubTypes.Type(value = FeedUpdate.KioskSettings.class, name = "KIOSK_CONFIG"),
    @JsonSubTypes.Type(value = FeedUpdate.CatalogueVersion.class, name = "CATALOGUE_VERSION"),
    @JsonSubTypes.Type(value = FeedUpdate.RevokedTokens.class, name = "REVOKED_TOKENS"),
    @JsonSubTypes.Type(value = FeedUpdate.RevocationOrder.class, name = "KIOSK_REVOCATION"),
    @JsonSubTypes.Type(value = FeedUpdate.SealingKey.class, name = "SEALING_KEY"),
})
public sealed interface FeedUpdate {

    /** The kiosk's operators from now on: the whole list, replacing the one it had. */
    record Operators(List<OperatorRecord> operators) implements FeedUpdate {
        public Operators {
            operators = List.copyOf(operators);
        }
    }

    /** The kiosk's site, how many days it keeps its local copies after the hub acknowledged them, its languages. */
    record KioskSettings(String site, int retentionDays, List<String> languages) implements FeedUpdate {
        public KioskSettings {
            if (site == null || site.isBlank() || retentionDays < 0 || languages == null || languages.isEmpty()) {
                throw new IllegalArgumentException("Kiosk settings need a site, a retention of 0 days or more, "
                        + "and at least one language");
            }
            languages = List.copyOf(languages);
        }
    }

    /** The specific-needs catalogue version the hub expects kiosks to enter data with. */
    record CatalogueVersion(String version) implements FeedUpdate {
        public CatalogueVersion {
            Objects.requireNonNull(version, "version");
        }
    }

    /** Token ids (16 Crockford characters) that must no longer be honoured, e.g. a card reported stolen. */
    record RevokedTokens(List<String> tokenIds) implements FeedUpdate {
        public RevokedTokens {
            tokenIds = List.copyOf(tokenIds);
        }
    }

    /** This kiosk is revoked; with {@code wipe}, it must destroy its local keys and copies now. */
    record RevocationOrder(boolean wipe, String reason) implements FeedUpdate {
    }

    /** Seal new events to this hub key from now on; events sealed to older keys still open at the hub. */
    record SealingKey(String keyId, String publicKey) implements FeedUpdate {
        public SealingKey {
            SealingPublicKey key = SealingPublicKey.fromBase64(publicKey);
            if (!key.keyId().equals(keyId)) {
                throw new IllegalArgumentException("The sealing key id does not match the key");
            }
        }
    }
}
