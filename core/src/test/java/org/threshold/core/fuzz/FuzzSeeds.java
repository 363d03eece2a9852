package org.threshold.core.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventIds;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.sync.BatchBody;
import org.threshold.core.sync.EventBundle;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.core.sync.SignedFeed;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;

/**
 * Writes the fuzz targets' seed inputs: real, valid tokens, envelopes, batches, bundles, households and feed
 * pages, made by the production code with {@link FuzzKeys}. They are committed; run this again after a wire
 * format changes (README, "Fuzzing"):
 * {@code mvn -B -q -pl core test-compile exec:java -Dexec.mainClass=org.threshold.core.fuzz.FuzzSeeds
 * -Dexec.classpathScope=test -Dexec.args=core/src/test/resources}.
 */
public final class FuzzSeeds {
    private static final Instant AT = Instant.parse("2026-11-24T09:30:00Z");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args.length > 0 ? args[0] : "core/src/test/resources");
        Path root = resources.resolve(FuzzSeeds.class.getPackageName().replace('.', '/'));
        SecureRandom random = new SecureRandom();

        TokenId id = TokenId.random(random);
        IssuedToken token = IssuedToken.issue(id, FuzzKeys.KIOSK_ID, LocalDate.of(2026, 11, 24), FuzzKeys.KIOSK);
        IssuedToken stranger = IssuedToken.issue(id, "KIOSK-99", LocalDate.of(2026, 11, 24), FuzzKeys.HUB);
        Path tokens = root.resolve("TokenFuzzTestInputs/token");
        write(tokens, "short-code", id.shortCode());
        write(tokens, "short-code-typed", " " + id.shortCode().toLowerCase().replace('0', 'o') + " ");
        write(tokens, "qr-payload", token.qrPayload());
        write(tokens, "qr-unknown-kiosk", stranger.qrPayload());

        SealingPrivateKey hub = HubSealing.generate(random);
        EventSealer sealer = new EventSealer(FuzzKeys.KIOSK_ID, FuzzKeys.KIOSK, hub.publicKey());
        EventIds ids = new EventIds(Clock.fixed(AT, ZoneOffset.UTC), random);
        List<byte[]> envelopes = new ArrayList<>();
        ChainPosition position = ChainPosition.GENESIS;
        for (int i = 0; i < 3; i++) {
            SignedEvent event = sealer.seal(position, ids.next(), AT.plusSeconds(i), EventType.HOUSEHOLD_REGISTERED,
                    registration(token, random));
            envelopes.add(event.encode());
            position = ChainPosition.after(event);
        }
        Path events = root.resolve("EnvelopeFuzzTestInputs/envelopeAndBatch");
        write(events, "envelope", envelopes.get(0));
        write(events, "batch-of-three", new BatchBody(FuzzKeys.KIOSK_ID, envelopes).encode());
        write(events, "batch-empty", new BatchBody(FuzzKeys.KIOSK_ID, List.of()).encode());
        write(root.resolve("EventBundleFuzzTestInputs/bundle"), "bundle-of-three",
                EventBundle.write(FuzzKeys.KIOSK_ID, AT, envelopes, FuzzKeys.KIOSK));

        Path households = root.resolve("HouseholdJsonFuzzTestInputs/householdJson");
        write(households, "household", household());
        write(households, "registration-payload", registration(token, random));

        SignedFeed.Page page = new SignedFeed.Page(FuzzKeys.KIOSK_ID, 0, 6, "n0nce-0123456789abcdef", AT.toEpochMilli(),
                List.of(new SignedFeed.Entry(1, new FeedUpdate.Operators(List.of(new OperatorRecord("amal",
                                OperatorRecord.Role.SUPERVISOR, PassphraseHash.create("demo".toCharArray(), random,
                                        new Argon2idCost(1024, 1, 1)).encode())))),
                        new SignedFeed.Entry(2, new FeedUpdate.KioskSettings("North gate", 3, List.of("ar", "en"))),
                        new SignedFeed.Entry(3, new FeedUpdate.CatalogueVersion("v4")),
                        new SignedFeed.Entry(4, new FeedUpdate.RevokedTokens(List.of(id.code()))),
                        new SignedFeed.Entry(5, new FeedUpdate.SealingKey(hub.publicKey().keyId(),
                                hub.publicKey().toBase64())),
                        new SignedFeed.Entry(6, new FeedUpdate.RevocationOrder(true, "stolen"))));
        byte[] pageJson = JSON.writeValueAsBytes(page);
        Path feed = root.resolve("SignedFeedFuzzTestInputs/updateFeed");
        write(feed, "signed-by-hub-on-the-wire", prefixed(0, JSON.writeValueAsBytes(SignedFeed.sign(page, FuzzKeys.HUB))));
        write(feed, "page-to-sign", prefixed(1, pageJson));
    }

    private static byte[] registration(IssuedToken token, SecureRandom random) throws Exception {
        return new RegistrationPayload(UUID.nameUUIDFromBytes(token.id().toBytes()), "North gate", AT, token,
                HouseholdJson.read(JSON.readTree(household()), NeedsCatalogue.bundled(), LocalDate.of(2026, 11, 24)))
                .toJson();
    }

    private static String household() {
        return """
                {"arrivalDate":"2026-11-24","origin":{"country":"SYR","place":"Aleppo"},"languages":["ar","en"],
                 "phone":"+963 555 0100","consent":{"registration":true,"referral":true},
                 "members":[{"givenName":"نورهان","familyName":"الزعبي","givenNameLatin":"Nourhan",
                   "familyNameLatin":"Al-Zoubi","sex":"F","birthDate":"1990-03-01","birthDateEstimated":false,
                   "nationality":"SYR","relationship":"FOCAL_POINT","needs":["WR-SF"]},
                  {"givenName":"عمر","sex":"M","ageEstimate":6,"nationality":"SYR","relationship":"SON","needs":[]}]}
                """;
    }

    private static byte[] prefixed(int mode, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = (byte) mode;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static void write(Path folder, String name, String text) throws IOException {
        write(folder, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path folder, String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), bytes);
    }
}
