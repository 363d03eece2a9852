package org.threshold.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.ChainVerifier;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.token.TokenId;

/**
 * What one event costs the kiosk to make and the hub to check. The batch pair is the point: a hub
 * that checked every signature would pay {@link #verifyEachSignature}; {@link #chainVerify} pays
 * one signature plus a hash link per event. Both report time per event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SignBenchmark {
    // A full sync batch: SyncClient.Limits.DEFAULT sends 500 events per request.
    private static final int BATCH = 500;

    private EventSealer sealer;
    private SigningKey kioskKey;
    private VerifyingKey kioskPublic;
    private Ed25519PrivateKeyParameters rawKey;
    private byte[] plaintext;
    private UUID eventId;
    private byte[] unsigned;
    private byte[] signature;
    private byte[] encoded;
    private List<SignedEvent> batch;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        kioskKey = SigningKey.generate(random);
        kioskPublic = kioskKey.verifyingKey();
        rawKey = new Ed25519PrivateKeyParameters(kioskKey.toBytes(), 0);
        rawKey.generatePublicKey(); // SigningKey does this once too; keep it out of the timed sign
        sealer = new EventSealer(Fixtures.KIOSK, kioskKey, HubSealing.generate(random).publicKey());
        plaintext = Fixtures.registrationPayload(kioskKey, TokenId.random(random));
        eventId = UUID.randomUUID();

        SignedEvent event = sealEvent();
        unsigned = SignedEvent.unsignedBytes(event.header(), event.payload());
        signature = event.signature();
        encoded = event.encode();

        batch = new ArrayList<>(BATCH);
        ChainPosition position = ChainPosition.GENESIS;
        for (int i = 0; i < BATCH; i++) {
            SignedEvent next = sealer.seal(position, UUID.randomUUID(), Fixtures.REGISTERED_AT,
                    EventType.HOUSEHOLD_REGISTERED, plaintext);
            batch.add(next);
            position = ChainPosition.after(next);
        }
        // A batch that fails would take the one-by-one fallback and measure the wrong path.
        ChainVerifier.Result result = ChainVerifier.verify(Fixtures.KIOSK, kioskPublic, ChainPosition.GENESIS, batch);
        if (!result.complete() || result.accepted() != BATCH) {
            throw new IllegalStateException("the bench batch does not verify: " + result);
        }
    }

    @Benchmark
    public SignedEvent sealEvent() {
        return sealer.seal(ChainPosition.GENESIS, eventId, Fixtures.REGISTERED_AT, EventType.HOUSEHOLD_REGISTERED,
                plaintext);
    }

    @Benchmark
    public byte[] sign() {
        return kioskKey.sign(unsigned);
    }

    @Benchmark
    public byte[] rawSign() {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, rawKey);
        signer.update(unsigned, 0, unsigned.length);
        return signer.generateSignature();
    }

    @Benchmark
    public boolean verify() {
        return kioskPublic.verify(unsigned, signature);
    }

    @Benchmark
    public SignedEvent decode() throws Exception {
        return SignedEvent.decode(encoded);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ChainVerifier.Result chainVerify() {
        return ChainVerifier.verify(Fixtures.KIOSK, kioskPublic, ChainPosition.GENESIS, batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int verifyEachSignature() {
        int valid = 0;
        for (SignedEvent event : batch) {
            if (event.signatureValid(kioskPublic)) {
                valid++;
            }
        }
        return valid;
    }
}
