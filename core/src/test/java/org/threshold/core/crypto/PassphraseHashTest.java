package org.threshold.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Operator passphrases are stored as Argon2id hashes that carry their own cost parameters. */
class PassphraseHashTest {

    // Small enough to be quick in tests; production uses Argon2idCost.DEFAULT.
    private static final int TEST_MEMORY_KIB = 1024;
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final PassphraseHash hash = PassphraseHash.create(PASSPHRASE, random, new Argon2idCost(TEST_MEMORY_KIB, 2, 1));

    @Test
    void matchesTheRightPassphrase() {
        assertThat(hash.matches("correct horse battery staple".toCharArray())).isTrue();
    }

    @Test
    void doesNotMatchAWrongPassphrase() {
        assertThat(hash.matches("correct horse battery stapl".toCharArray())).isFalse();
        assertThat(hash.matches("Correct horse battery staple".toCharArray())).isFalse();
        assertThat(hash.matches(new char[0])).isFalse();
    }

    @Test
    void encodesInThePhcStyleWithItsParameters() {
        assertThat(hash.encode()).matches("argon2id\\$v=19\\$m=1024,t=2,p=1\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}");
    }

    @Test
    void aDecodedHashStillMatchesTheSamePassphrases() {
        PassphraseHash decoded = PassphraseHash.decode(hash.encode());

        assertThat(decoded.encode()).isEqualTo(hash.encode());
        assertThat(decoded.matches(PASSPHRASE)).isTrue();
        assertThat(decoded.matches("wrong".toCharArray())).isFalse();
    }

    @Test
    void theSamePassphraseHashesDifferentlyEachTime() {
        PassphraseHash again = PassphraseHash.create(PASSPHRASE, random, new Argon2idCost(TEST_MEMORY_KIB, 2, 1));

        assertThat(again.encode()).isNotEqualTo(hash.encode());
        assertThat(again.matches(PASSPHRASE)).isTrue();
    }

    @Test
    void aStoredHashIsCheckedWithTheParametersItWasMadeWith() {
        // Raising the default cost later must not lock out operators whose hash was made with the old one.
        PassphraseHash cheap = PassphraseHash.create(PASSPHRASE, random, new Argon2idCost(64, 1, 1));

        assertThat(PassphraseHash.decode(cheap.encode()).matches(PASSPHRASE)).isTrue();
    }

    @Test
    void anyChangeToTheStoredParametersStopsItMatching() {
        String altered = hash.encode().replace("m=1024", "m=2048");

        assertThat(PassphraseHash.decode(altered).matches(PASSPHRASE)).isFalse();
    }

    @Test
    void defaultCostIsTheOwaspArgon2idRecommendation() {
        PassphraseHash defaultCost = PassphraseHash.create(PASSPHRASE, random);

        assertThat(defaultCost.encode()).startsWith("argon2id$v=19$m=47104,t=1,p=1$");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "garbage",
            "argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "argon2id$v=16$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==",
            "argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==$extra",
            "argon2id$v=19$m=abc,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "argon2id$v=19$m=1024,t=1,p=1,x=3$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "argon2id$v=19$m=4,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "argon2id$v=19$m=1024,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "argon2id$v=19$m=1024,t=1,p=0$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "argon2id$v=19$m=1024,t=1,p=1$not base64!$aGFzaA==",
            "argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==$not base64!",
            // A parameter without '=': a truncated or hand-edited operators.json.
            "argon2id$v=19$m$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "argon2id$v=19$m=1024,t=1,p$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
    })
    void decodeRejectsAnythingElseWithIllegalArgument(String stored) {
        assertThatThrownBy(() -> PassphraseHash.decode(stored)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringRevealsNeitherSaltNorHash() {
        String encoded = hash.encode();
        String hashPart = encoded.substring(encoded.lastIndexOf('$') + 1);

        assertThat(hash.toString()).isEqualTo("PassphraseHash[REDACTED]").doesNotContain(hashPart);
        assertThat(Base64.getDecoder().decode(hashPart)).hasSize(32);
    }
}
