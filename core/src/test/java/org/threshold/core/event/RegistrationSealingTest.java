package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.threshold.core.event.EventFixtures.HUB;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SealedPayload;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.UnsealException;

/**
 * A registration and the referrals made with it: the referrals are sealed under the secret the registration's HPKE
 * context exports, and open only with that registration's secret, under their own headers.
 */
class RegistrationSealingTest {
    private static final byte[] REGISTRATION = "{\"household\":\"personal data\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FOOD = "{\"referral\":\"food\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SHELTER = "{\"referral\":\"shelter\"}".getBytes(StandardCharsets.UTF_8);

    private final SigningKey kioskKey = EventFixtures.signingKey(3);
    private final EventSealer sealer = EventFixtures.sealer("KIOSK-01", kioskKey);
    private final List<SignedEvent> sealed = sealTogether(REGISTRATION, FOOD, SHELTER);

    private List<SignedEvent> sealTogether(byte[] registration, byte[]... referrals) {
        return sealer.sealRegistration(ChainPosition.GENESIS, EventFixtures.START,
                new EventSealer.Draft(UUID.randomUUID(), registration.clone()),
                java.util.Arrays.stream(referrals).map(plaintext -> new EventSealer.Draft(UUID.randomUUID(),
                        plaintext.clone())).toList());
    }

    @Test
    void theRegistrationOpensAsAnyEventAndItsSecretOpensEachReferral() throws Exception {
        SignedEvent registration = sealed.get(0);

        byte[] secret = registration.openExporting(HUB).exported();

        assertThat(registration.openPayload(HUB)).isEqualTo(REGISTRATION);
        assertThat(registration.sealedUnder()).isEmpty();
        assertThat(sealed.get(1).openUnder(secret)).isEqualTo(FOOD);
        assertThat(sealed.get(2).openUnder(registration.exportedSecret(HUB))).isEqualTo(SHELTER);
        assertThat(sealed.subList(1, 3)).allSatisfy(referral -> {
            assertThat(referral.header().type()).isEqualTo(EventType.REFERRAL_REQUESTED);
            assertThat(referral.sealedUnder()).contains(registration.header().eventId());
        });
    }

    @Test
    void aReferralCarriesAReferenceInsteadOfAnEncapsulationAndStaysInTheSignedChain() {
        assertThat(sealed.get(1).encodedLength()).isLessThan(sealed.get(0).encodedLength() - 1_000);
        assertThat(ChainVerifier.verify("KIOSK-01", kioskKey.verifyingKey(), ChainPosition.GENESIS, sealed)
                .complete()).isTrue();
    }

    @Test
    void theNewFormDecodesBackToItself() throws MalformedEncodingException {
        SignedEvent referral = sealed.get(2);

        SignedEvent decoded = SignedEvent.decode(referral.encode());

        assertThat(decoded).isEqualTo(referral);
        assertThat(decoded.sealedUnder()).isEqualTo(referral.sealedUnder());
    }

    @Test
    void aReferralDoesNotOpenUnderAnotherRegistrationsSecret() throws UnsealException {
        byte[] other = sealTogether(REGISTRATION, FOOD).get(0).exportedSecret(HUB);

        assertThatThrownBy(() -> sealed.get(1).openUnder(other)).isInstanceOf(UnsealException.class);
    }

    @Test
    void aReferralMovedUnderAnotherHeaderDoesNotOpen() throws UnsealException {
        byte[] secret = sealed.get(0).exportedSecret(HUB);
        SignedEvent food = sealed.get(1);
        // The same sealed payload under the other referral's header: the AAD differs, and so does the event's key.
        SignedEvent swapped = EventFixtures.resigned(sealed.get(2).header(), food.payload(), kioskKey);
        EventHeader altered = EventFixtures.withSequence(food.header(), 7);
        SignedEvent tampered = EventFixtures.resigned(altered, food.payload(), kioskKey);

        assertThatThrownBy(() -> swapped.openUnder(secret)).isInstanceOf(UnsealException.class);
        assertThatThrownBy(() -> tampered.openUnder(secret)).isInstanceOf(UnsealException.class);
    }

    @Test
    void aReferralPointedAtAnotherRegistrationDoesNotOpenWithThatOnesSecret() throws UnsealException {
        SignedEvent otherRegistration = sealTogether(REGISTRATION).get(0);
        SignedEvent food = sealed.get(1);
        SignedEvent repointed = EventFixtures.resigned(food.header(), SealedPayload.underExportOf(
                otherRegistration.header().eventId(), food.payload().ciphertext()), kioskKey);

        assertThatThrownBy(() -> repointed.openUnder(otherRegistration.exportedSecret(HUB)))
                .isInstanceOf(UnsealException.class);
    }

    @Test
    void eachFormRefusesTheOtherFormsOpening() {
        assertThatThrownBy(() -> sealed.get(1).openPayload(HUB)).isInstanceOf(UnsealException.class);
        assertThatThrownBy(() -> sealed.get(1).exportedSecret(HUB)).isInstanceOf(UnsealException.class);
        assertThatThrownBy(() -> sealed.get(0).openUnder(new byte[32])).isInstanceOf(UnsealException.class);
    }

    @Test
    void anEventSealedOnItsOwnStillOpensAsBefore() throws UnsealException {
        SignedEvent alone = sealer.seal(ChainPosition.after(sealed.get(2)), UUID.randomUUID(), EventFixtures.START,
                EventType.REFERRAL_REQUESTED, FOOD);

        assertThat(alone.sealedUnder()).isEmpty();
        assertThat(alone.payload().encapsulation()).hasSize(1_120);
        assertThat(alone.openPayload(HUB)).isEqualTo(FOOD);
    }
}
