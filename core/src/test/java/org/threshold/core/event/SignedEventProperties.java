package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SealedPayload;

/**
 * Any event the format can express decodes back to itself, byte for byte, in either form: with its own encapsulation,
 * or referring to the registration whose exported secret seals it.
 */
class SignedEventProperties {

    @Provide
    Arbitrary<EventHeader> headers() {
        Arbitrary<UUID> ids = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
        Arbitrary<String> kioskIds = Combinators.combine(
                        Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(1),
                        Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMaxLength(31))
                .as(String::concat);
        Arbitrary<Long> sequences = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<byte[]> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32);
        Arbitrary<Instant> times = Arbitraries.longs().map(Instant::ofEpochMilli);
        Arbitrary<String> keyIds = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(64);
        return Combinators.combine(ids, kioskIds, sequences, hashes, times, keyIds)
                .as((id, kiosk, sequence, previous, at, keyId) ->
                        new EventHeader(id, kiosk, sequence, previous, at, EventType.HOUSEHOLD_REGISTERED, keyId));
    }

    @Provide
    Arbitrary<SealedPayload> payloads() {
        Arbitrary<byte[]> nonEmpty = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2000);
        return Combinators.combine(nonEmpty, nonEmpty).as(SealedPayload::new);
    }

    @Provide
    Arbitrary<SealedPayload> referencingPayloads() {
        Arbitrary<UUID> ids = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
        return Combinators.combine(ids, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2000))
                .as(SealedPayload::underExportOf);
    }

    @Provide
    Arbitrary<byte[]> signatures() {
        return Arbitraries.bytes().array(byte[].class).ofSize(64);
    }

    @Property(tries = 300)
    void decodeReadsBackWhatEncodeWrote(@ForAll("headers") EventHeader header,
                                        @ForAll("payloads") SealedPayload payload,
                                        @ForAll("signatures") byte[] signature) throws MalformedEncodingException {
        SignedEvent event = SignedEvent.of(header, payload, signature);

        SignedEvent decoded = SignedEvent.decode(event.encode());

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.header()).usingRecursiveComparison().isEqualTo(header);
        assertThat(decoded.payload().encapsulation()).isEqualTo(payload.encapsulation());
        assertThat(decoded.payload().ciphertext()).isEqualTo(payload.ciphertext());
        assertThat(decoded.signature()).isEqualTo(signature);
        assertThat(decoded.hash()).isEqualTo(event.hash());
    }

    @Property(tries = 200)
    void aReferenceToARegistrationDecodesBackToTheSameRegistration(
            @ForAll("headers") EventHeader header, @ForAll("referencingPayloads") SealedPayload payload,
            @ForAll("signatures") byte[] signature) throws MalformedEncodingException {
        SignedEvent event = SignedEvent.of(header, payload, signature);

        SignedEvent decoded = SignedEvent.decode(event.encode());

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.sealedUnder()).isPresent().isEqualTo(payload.exportedFrom());
        assertThat(decoded.payload().ciphertext()).isEqualTo(payload.ciphertext());
        assertThat(decoded.hash()).isEqualTo(event.hash());
    }

    @Property(tries = 200)
    void anEncapsulationIsNeverTakenForAReference(@ForAll("payloads") SealedPayload payload) {
        boolean reference = payload.encapsulation().length == 20
                && new String(payload.encapsulation(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("TRK1");

        assertThat(payload.exportedFrom().isPresent()).isEqualTo(reference);
    }
}
