package org.threshold.bench;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealedPayload;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.EventType;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.deployment.HubDataKey;

/**
 * What sealing at rest adds to projecting one registration on the hub: {@code projectClear} is the projector's work per
 * event before (open the kiosk's HPKE payload, read the registration, write the household's JSON), {@code
 * projectSealed} the same plus {@link HouseholdVault#seal} (a fresh data key, AES-256-GCM, the key wrapped, and the
 * blind-index terms: ICU transliteration of every name and an HMAC per term); {@code openSealed} is what a lookup
 * adds (unwrap and decrypt). Database writes are not included (the terms add rows: see docs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class HouseholdSealingBenchmark {
    private final NeedsCatalogue catalogue = NeedsCatalogue.bundled();
    private SealingPrivateKey hubKey;
    private byte[] aad;
    private SealedPayload event;
    private HouseholdVault vault;
    private SealedHousehold sealed;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        hubKey = HubSealing.generate(random);
        byte[] plaintext = Fixtures.registrationPayload(SigningKey.generate(random), TokenId.random(random));
        aad = new EventHeader(UUID.randomUUID(), Fixtures.KIOSK, 1, new byte[32], Fixtures.REGISTERED_AT,
                EventType.HOUSEHOLD_REGISTERED, hubKey.publicKey().keyId()).encode();
        event = HubSealing.seal(hubKey.publicKey(), aad, plaintext);
        vault = new HouseholdVault(HubDataKey.generate(random), random);
        sealed = projectSealed().household();
    }

    @Benchmark
    public HouseholdRecord projectClear() throws Exception {
        RegistrationPayload payload = RegistrationPayload.fromJson(HubSealing.open(hubKey, aad, event), catalogue);
        return record(payload);
    }

    @Benchmark
    public HouseholdVault.Sealed projectSealed() {
        try {
            RegistrationPayload payload = RegistrationPayload.fromJson(HubSealing.open(hubKey, aad, event), catalogue);
            return vault.seal(record(payload), payload.household());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public HouseholdRecord openSealed() {
        return vault.open(sealed);
    }

    private static HouseholdRecord record(RegistrationPayload payload) {
        return new HouseholdRecord(payload.householdId(), payload.token().id(), payload.token().kioskId(),
                payload.token().issuedOn(), Fixtures.KIOSK, payload.site(), payload.registeredAt(),
                HouseholdJson.write(payload.household()).toString(), UUID.randomUUID());
    }
}
