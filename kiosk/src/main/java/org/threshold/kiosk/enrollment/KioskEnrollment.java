package org.threshold.kiosk.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.enrollment.EnrollmentCode;
import org.threshold.core.enrollment.EnrollmentTicket;
import org.threshold.core.pki.Certificates;
import org.threshold.core.pki.Pem;
import org.threshold.kiosk.store.OwnerOnlyFiles;
import org.threshold.kiosk.sync.PinnedCertificate;
import org.threshold.kiosk.sync.SyncClient;

/**
 * A blank kiosk enrolls itself: it makes its Ed25519 key pair here (the private key never leaves this
 * machine), sends the public key with the one-time code over TLS pinned to the hub's certificate from the
 * ticket, and checks the answer before writing anything: the deployment root signed the hub's certificate
 * it just saw and the kiosk's new certificate, which certifies this kiosk's key under the id the hub gave.
 * Then it writes {@code kiosk.json}, {@code kiosk-key.json} (owner-only), {@code operators.json} and the three
 * certificates into the data folder.
 */
public final class KioskEnrollment {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SecureRandom random;

    public KioskEnrollment(SecureRandom random) {
        this.random = random;
    }

    /** What enrollment gave this kiosk, safe to print. */
    public record Enrolled(String kioskId, String site, String hubUrl, int operators, String kioskKeyFingerprint) {
    }

    /** What the hub answers, before it is trusted. */
    record HubAnswer(String kioskId, String site, String certificate, String rootCertificate, String hubIdentityKey,
                     String hubSealingKey, List<OperatorRecord> operators) {
    }

    public Enrolled enroll(EnrollmentTicket ticket, Path dataDir, String softwareVersion) {
        if (Files.exists(dataDir.resolve(DeploymentLayout.KIOSK_CONFIG))) {
            throw new EnrollmentFailedException("ALREADY_ENROLLED", "This kiosk is already enrolled ("
                    + dataDir.resolve(DeploymentLayout.KIOSK_CONFIG) + " exists). To enroll it again, have it revoked "
                    + "and its data folder emptied first.");
        }
        SigningKey key = SigningKey.generate(random);
        String publicKey = key.verifyingKey().toBase64();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("code", ticket.code().reveal());
        request.put("publicKey", publicKey);
        request.put("proof", Bytes.base64(key.sign(EnrollmentCode.proofMessage(ticket.code(), publicKey))));
        request.put("softwareVersion", softwareVersion);

        HttpResponse<String> response = post(ticket, request);
        JsonNode body = parse(response.body());
        if (response.statusCode() != 201) {
            JsonNode error = body.path("error");
            throw new EnrollmentFailedException(error.path("reason").asText("HUB_REFUSED"),
                    "The hub refused the enrollment (" + response.statusCode() + " "
                            + error.path("reason").asText("no reason given") + "): "
                            + error.path("message").asText("no message") + " Nothing was written on this kiosk.");
        }
        HubAnswer answer;
        try {
            answer = JSON.treeToValue(body, HubAnswer.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw refused("the answer is not a complete enrollment (" + e.getClass().getSimpleName() + ")", e);
        }
        X509Certificate hubTls = hubCertificate(response);
        Trusted trusted = verify(answer, hubTls, key, ticket.hubUrl());
        write(dataDir, trusted, key, hubTls);
        return new Enrolled(trusted.config().kioskId(), trusted.config().site(), trusted.config().hubUrl(),
                trusted.operators().size(), key.verifyingKey().fingerprint());
    }

    record Trusted(KioskConfig config, X509Certificate root, X509Certificate kioskCertificate,
                   List<OperatorRecord> operators) {
    }

    /** The checks that make the hub's answer trustworthy; package-private so tests can feed it tampered answers. */
    static Trusted verify(HubAnswer answer, X509Certificate hubTls, SigningKey key, String hubUrl) {
        X509Certificate root;
        X509Certificate kiosk;
        try {
            root = Pem.readCertificate(answer.rootCertificate());
            kiosk = Pem.readCertificate(answer.certificate());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw refused("a certificate in the answer is unreadable", e);
        }
        if (!Certificates.signedBy(root, root)) {
            throw refused("the deployment root certificate is not self-signed", null);
        }
        if (!Certificates.signedBy(hubTls, root)) {
            throw refused("the hub's TLS certificate was not signed by the deployment root the hub sent", null);
        }
        if (!Certificates.signedBy(kiosk, root)) {
            throw refused("the kiosk certificate was not signed by the deployment root (altered on the way?)", null);
        }
        byte[] certified;
        try {
            certified = Certificates.ed25519Key(kiosk);
            kiosk.checkValidity();
        } catch (IllegalArgumentException | java.security.cert.CertificateException e) {
            throw refused("the kiosk certificate is not valid now or not for an Ed25519 key", e);
        }
        if (!Arrays.equals(certified, key.verifyingKey().toBytes())) {
            throw refused("the kiosk certificate certifies another key than the one this kiosk just made", null);
        }
        if (!commonName(kiosk).equals(answer.kioskId())) {
            throw refused("the kiosk certificate names another kiosk than the answer does", null);
        }
        if (answer.operators() == null || answer.operators().isEmpty()) {
            throw refused("the answer lists no operators, so nobody could unlock the kiosk", null);
        }
        try {
            return new Trusted(new KioskConfig(answer.kioskId(), answer.site(), hubUrl,
                    answer.hubIdentityKey(), answer.hubSealingKey()), root, kiosk, List.copyOf(answer.operators()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw refused("the kiosk's configuration in the answer is not usable (" + e.getMessage() + ")", e);
        }
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(
                    certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            throw refused("the kiosk certificate's subject is unreadable", e);
        }
        return "";
    }

    private static EnrollmentFailedException refused(String what, Throwable cause) {
        return new EnrollmentFailedException("ANSWER_REJECTED", "The hub's answer did not verify: " + what
                + ". Nothing was written on this kiosk. Do not use it; tell the administrator, who should revoke the "
                + "kiosk id (provision kiosk revoke) and make a new code.", cause);
    }

    private HttpResponse<String> post(EnrollmentTicket ticket, Map<String, String> request) {
        String url = ticket.hubUrl().endsWith("/") ? ticket.hubUrl().substring(0, ticket.hubUrl().length() - 1)
                : ticket.hubUrl();
        HttpClient client = SyncClient.httpClient(ticket.hubCertificateSha256());
        try {
            HttpRequest post = HttpRequest.newBuilder(URI.create(url + "/api/enrollment"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                    .build();
            return client.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLException e) {
            throw new EnrollmentFailedException("HUB_NOT_TRUSTED", "The server at " + url + " is not the hub in the "
                    + "ticket: its TLS certificate does not match the ticket's fingerprint (" + rootMessage(e) + "). "
                    + "Check the hub address and the ticket; do not enroll against this server.", e);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new EnrollmentFailedException("HUB_UNREACHABLE", "Could not reach the hub at " + url + " ("
                    + e.getClass().getSimpleName() + "). Check the network and the address, then run enroll again: "
                    + "the code is not used up until the hub answers.", e);
        } catch (IOException e) {
            if (rootCause(e) instanceof java.security.cert.CertificateException) {
                throw new EnrollmentFailedException("HUB_NOT_TRUSTED", "The server at " + url + " is not the hub in "
                        + "the ticket: " + rootMessage(e) + ". Do not enroll against this server.", e);
            }
            throw new EnrollmentFailedException("HUB_UNREACHABLE", "The connection to the hub at " + url + " failed ("
                    + rootMessage(e) + "). Run enroll again; if it keeps failing, ask for a new code.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnrollmentFailedException("INTERRUPTED", "Enrollment was interrupted; run it again.", e);
        }
    }

    private static X509Certificate hubCertificate(HttpResponse<String> response) {
        SSLSession session = response.sslSession().orElseThrow(() -> new EnrollmentFailedException("HUB_NOT_TRUSTED",
                "The hub answered without TLS; enrollment needs the https:// address from the ticket."));
        try {
            return (X509Certificate) session.getPeerCertificates()[0];
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            throw new EnrollmentFailedException("HUB_NOT_TRUSTED", "The hub's certificate could not be read.", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new EnrollmentFailedException("HUB_REFUSED", "The hub's answer is not JSON; is the ticket's address "
                    + "the hub's? Nothing was written on this kiosk.", e);
        }
    }

    private void write(Path dataDir, Trusted trusted, SigningKey key, X509Certificate hubTls) {
        // The URL the kiosk enrolled through (from the ticket) is the one it syncs through.
        KioskConfig config = trusted.config();
        try {
            OwnerOnlyFiles.folder(dataDir);
            OwnerOnlyFiles.write(dataDir.resolve(DeploymentLayout.KIOSK_KEY), JSON.writeValueAsBytes(KeyPairFile.of(key)));
            OwnerOnlyFiles.write(dataDir.resolve(PinnedCertificate.FILE), Pem.certificate(hubTls)
                    .getBytes(StandardCharsets.US_ASCII));
            OwnerOnlyFiles.write(dataDir.resolve(KioskTrustFiles.ROOT_CERTIFICATE), Pem.certificate(trusted.root())
                    .getBytes(StandardCharsets.US_ASCII));
            OwnerOnlyFiles.write(dataDir.resolve(KioskTrustFiles.KIOSK_CERTIFICATE), Pem.certificate(trusted.kioskCertificate())
                    .getBytes(StandardCharsets.US_ASCII));
            OwnerOnlyFiles.write(dataDir.resolve(DeploymentLayout.OPERATORS), JSON.writerFor(new TypeReference<List<OperatorRecord>>() { })
                    .writeValueAsBytes(trusted.operators()));
            // kiosk.json last: its presence is what says "enrolled".
            OwnerOnlyFiles.write(dataDir.resolve(DeploymentLayout.KIOSK_CONFIG), JSON.writeValueAsBytes(config));
        } catch (IOException e) {
            throw new EnrollmentFailedException("WRITE_FAILED", "The hub enrolled this kiosk but its files could not "
                    + "be written in " + dataDir + " (" + e.getMessage() + "). Free space or fix permissions, then ask "
                    + "the administrator to revoke this kiosk id and make a new code.", e);
        }
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = rootCause(thrown);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
