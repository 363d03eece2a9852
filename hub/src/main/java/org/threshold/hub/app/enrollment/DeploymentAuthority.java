package org.threshold.hub.app.enrollment;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.pki.Certificates;

/**
 * The deployment's root of trust: an Ed25519 key that signs the hub's TLS certificate and every enrolled
 * kiosk's certificate (X.509 v3, built with Bouncy Castle, signed through {@link SigningKey} so the root's
 * private key never takes another form). Thread-safe.
 */
public final class DeploymentAuthority {
    static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    static final Duration HUB_TLS_VALIDITY = Duration.ofDays(5 * 365);
    static final Duration KIOSK_VALIDITY = Duration.ofDays(5 * 365);
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private final SigningKey rootKey;
    private final X509Certificate rootCertificate;
    private final SecureRandom random;

    private DeploymentAuthority(SigningKey rootKey, X509Certificate rootCertificate, SecureRandom random) {
        this.rootKey = rootKey;
        this.rootCertificate = rootCertificate;
        this.random = random;
    }

    /** A new root: its self-signed certificate names the deployment. */
    public static DeploymentAuthority create(String deploymentName, SigningKey rootKey, Instant now,
                                             SecureRandom random) {
        X500Name name = name(deploymentName + " root", null);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial(random), Date.from(now),
                Date.from(now.plus(ROOT_VALIDITY)), name, ed25519(rootKey.verifyingKey()));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return new DeploymentAuthority(rootKey, sign(builder, rootKey), random);
    }

    /** The root as {@code provision init} left it. */
    public static DeploymentAuthority of(SigningKey rootKey, X509Certificate rootCertificate, SecureRandom random) {
        byte[] certified = Certificates.ed25519Key(rootCertificate);
        if (!java.util.Arrays.equals(certified, rootKey.verifyingKey().toBytes())) {
            throw new IllegalArgumentException("The root certificate does not belong to the root key");
        }
        return new DeploymentAuthority(rootKey, rootCertificate, random);
    }

    public X509Certificate rootCertificate() {
        return rootCertificate;
    }

    /**
     * The hub's TLS certificate for {@code key} (ECDSA P-256, which every TLS stack offers), valid for the given
     * DNS names and IP addresses.
     */
    public X509Certificate issueHubTls(KeyPair key, List<String> hostNames, Instant now) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(rootCertificate.getSubjectX500Principal().getEncoded()), serial(random),
                Date.from(now), Date.from(now.plus(HUB_TLS_VALIDITY)), name("Threshold hub", null),
                SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()));
        List<ASN1Encodable> names = new ArrayList<>();
        for (String host : hostNames) {
            names.add(isAddress(host) ? new GeneralName(GeneralName.iPAddress, host)
                    : new GeneralName(GeneralName.dNSName, host));
        }
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    org.bouncycastle.asn1.x509.GeneralNames.getInstance(new DERSequence(names.toArray(ASN1Encodable[]::new))));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return sign(builder, rootKey);
    }

    /** A kiosk's certificate: its Ed25519 key, its id as the common name and its site as the organisational unit. */
    public X509Certificate issueKiosk(String kioskId, String site, VerifyingKey kioskKey, Instant now) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(rootCertificate.getSubjectX500Principal().getEncoded()), serial(random),
                Date.from(now), Date.from(now.plus(KIOSK_VALIDITY)), name(kioskId, site), ed25519(kioskKey));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return sign(builder, rootKey);
    }

    private static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static X500Name name(String commonName, String unit) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Threshold");
        if (unit != null) {
            builder.addRDN(BCStyle.OU, unit);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static SubjectPublicKeyInfo ed25519(VerifyingKey key) {
        return new SubjectPublicKeyInfo(ED25519, key.toBytes());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, SigningKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new Ed25519Signer(key)));
        } catch (CertificateException e) {
            throw new IllegalStateException("A certificate we built does not parse", e);
        }
    }

    /** Bouncy Castle's signer interface over our own Ed25519 key. */
    private static final class Ed25519Signer implements ContentSigner {
        private final SigningKey key;
        private final ByteArrayOutputStream signed = new ByteArrayOutputStream();

        Ed25519Signer(SigningKey key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return ED25519;
        }

        @Override
        public OutputStream getOutputStream() {
            return signed;
        }

        @Override
        public byte[] getSignature() {
            return key.sign(signed.toByteArray());
        }
    }

}
