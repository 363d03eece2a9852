package org.threshold.demo.soak;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.threshold.core.pki.Certificates;
import org.threshold.core.pki.Pem;
import org.threshold.hub.deployment.HubLayout;

/** A self-signed hub certificate (ECDSA P-256, for 127.0.0.1), made with Bouncy Castle for the HTTPS tests. */
record TestCertificates(KeyPair keys, X509Certificate certificate) {
    static TestCertificates generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=threshold-hub-test");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return new TestCertificates(keys, certificate);
    }

    /** Puts the certificate and key where {@code provision init} does, so the hub serves HTTPS with them. */
    void installInHub(Path hubDir) throws Exception {
        Files.createDirectories(hubDir);
        writePem(hubDir.resolve(HubLayout.TLS_CERTIFICATE));
        Files.writeString(hubDir.resolve(HubLayout.TLS_KEY), Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded()));
    }

    void writePem(Path file) throws Exception {
        Files.writeString(file, Pem.certificate(certificate));
    }

    String sha256() {
        return Certificates.fingerprint(certificate);
    }
}
