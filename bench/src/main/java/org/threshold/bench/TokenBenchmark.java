package org.threshold.bench;

import java.security.SecureRandom;
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
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;

/**
 * The token card's round trip: made at the kiosk, scanned or typed at a service point. Scanning
 * includes the signature check because a service point never trusts an unchecked card.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class TokenBenchmark {
    // The kiosk's own generator kind, so the id benchmark includes its real entropy cost.
    private final SecureRandom random = new SecureRandom();
    private SigningKey kioskKey;
    private VerifyingKey kioskPublic;
    private TokenId id;
    private String qr;
    private String shortCode;

    @Setup
    public void setUp() throws Exception {
        kioskKey = SigningKey.generate(random);
        kioskPublic = kioskKey.verifyingKey();
        id = TokenId.random(random);
        qr = IssuedToken.issue(id, Fixtures.KIOSK, Fixtures.TODAY, kioskKey).qrPayload();
        // Typed the way people do: lower case and without dashes, which the parser must tolerate.
        shortCode = id.shortCode().replace("-", "").toLowerCase();
        if (!TokenId.parseShortCode(shortCode).equals(id) || !IssuedToken.parseQr(qr).signedBy(kioskPublic)) {
            throw new IllegalStateException("the bench token does not round-trip");
        }
    }

    @Benchmark
    public String randomShortCode() {
        return TokenId.random(random).shortCode();
    }

    @Benchmark
    public String issueQr() {
        return IssuedToken.issue(id, Fixtures.KIOSK, Fixtures.TODAY, kioskKey).qrPayload();
    }

    @Benchmark
    public boolean parseQrAndVerify() throws Exception {
        return IssuedToken.parseQr(qr).signedBy(kioskPublic);
    }

    @Benchmark
    public TokenId parseShortCode() throws Exception {
        return TokenId.parseShortCode(shortCode);
    }
}
