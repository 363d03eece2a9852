package org.threshold.hub.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.EnrolledKiosk;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.enrollment.EnrollmentCode;
import org.threshold.core.pki.Pem;
import org.threshold.hub.http.ApiException;
import org.threshold.hub.http.HubJson;
import org.threshold.hub.http.RequestBodies;

/**
 * {@code POST /api/enrollment}: a kiosk that generated its own key pair sends the public key, a one-time code
 * and a signature over both (proof it holds the private key), and gets back its certificate signed by the
 * deployment root and everything it needs to run. The code is spent before anything is issued, so it works
 * once even if the answer is lost. The hub then trusts the kiosk through {@code kiosks/<id>.json}.
 */
public final class EnrollmentApi {
    public static final String PATH = "/api/enrollment";
    private static final int MAX_BODY = 16 * 1024;
    private static final String SHAPE = "{\"code\",\"publicKey\",\"proof\",\"softwareVersion\"}";
    private static final ObjectMapper FILES = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentApi.class);

    private final Path dataDir;
    private final EnrollmentStore store;
    private final DeploymentAuthority authority;
    private final Clock clock;

    public EnrollmentApi(Path dataDir, EnrollmentStore store, DeploymentAuthority authority, Clock clock) {
        this.dataDir = dataDir;
        this.store = store;
        this.authority = authority;
        this.clock = clock;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post(PATH, this::enroll);
    }

    private void enroll(Context ctx) {
        JsonNode json = HubJson.parse(RequestBodies.read(ctx, MAX_BODY, new ApiException(413, "TOO_LARGE",
                "An enrollment request is a few hundred bytes; send " + SHAPE + "."), "MALFORMED_REQUEST"), SHAPE);
        EnrollmentCode code;
        try {
            code = EnrollmentCode.parse(text(json, "code"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "MALFORMED_CODE", e.getMessage() + ". Type the code as the administrator "
                    + "gave it, e.g. 7K3M-Q9XD-2HPT-VB6R.");
        }
        String publicKey = text(json, "publicKey");
        VerifyingKey kioskKey;
        try {
            kioskKey = VerifyingKey.fromBase64(publicKey);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "\"publicKey\" is not a Base64 Ed25519 public key.");
        }
        byte[] proof;
        try {
            proof = Bytes.base64(text(json, "proof"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "\"proof\" is not Base64.");
        }
        if (!kioskKey.verify(EnrollmentCode.proofMessage(code, publicKey), proof)) {
            throw new ApiException(400, "BAD_PROOF", "\"proof\" is not the kiosk key's signature over the code and "
                    + "the public key; the kiosk software and the hub do not agree. Update the kiosk software.");
        }
        String softwareVersion = text(json, "softwareVersion");
        if (softwareVersion.length() > 64) {
            throw new ApiException(400, "MALFORMED_REQUEST", "\"softwareVersion\" is at most 64 characters.");
        }
        Instant now = clock.instant();
        EnrollmentStore.Redemption redemption;
        try {
            redemption = store.redeem(code, now);
        } catch (EnrollmentRefusedException e) {
            int status = switch (e.reason()) {
                case CODE_UNKNOWN -> 403;
                case CODE_EXPIRED -> 410;
                default -> 409;
            };
            LOG.warn("Enrollment refused: {}", e.reason());
            throw new ApiException(status, e.reason().name(), e.getMessage());
        }
        List<OperatorRecord> operators = store.operators(redemption.site());
        if (operators.isEmpty()) {
            throw new ApiException(409, "NO_OPERATORS", "Site \"" + redemption.site() + "\" has no operators, so nobody "
                    + "could unlock this kiosk; the code is spent. Add one on the hub (provision operators add), then "
                    + "make a new code (provision kiosk add).");
        }
        X509Certificate certificate = authority.issueKiosk(redemption.kioskId(), redemption.site(), kioskKey, now);
        String certificatePem = Pem.certificate(certificate);
        writeEnrolled(new EnrolledKiosk(redemption.kioskId(), redemption.site(), publicKey));
        store.registerKiosk(redemption.kioskId(), redemption.site(), softwareVersion, certificatePem, now);
        HubKeysFile hubKeys = hubKeys();
        LOG.info("Kiosk {} enrolled at site {}", redemption.kioskId(), redemption.site());

        ObjectNode answer = HubJson.MAPPER.createObjectNode();
        answer.put("kioskId", redemption.kioskId());
        answer.put("site", redemption.site());
        answer.put("certificate", certificatePem);
        answer.put("rootCertificate", Pem.certificate(authority.rootCertificate()));
        answer.put("hubIdentityKey", hubKeys.identity().publicKey());
        answer.put("hubSealingKey", hubKeys.currentSealing().publicKey());
        answer.set("operators", HubJson.MAPPER.valueToTree(operators));
        ctx.status(201).json(answer);
    }

    private HubKeysFile hubKeys() {
        try {
            return FILES.readValue(dataDir.resolve(DeploymentLayout.HUB_KEYS).toFile(), HubKeysFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("keys.json became unreadable", e);
        }
    }

    private void writeEnrolled(EnrolledKiosk kiosk) {
        Path file = dataDir.resolve(DeploymentLayout.ENROLLED_KIOSKS).resolve(kiosk.kioskId() + ".json");
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(temp, FILES.writerWithDefaultPrettyPrinter().writeValueAsBytes(kiosk));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new ApiException(400, "MALFORMED_REQUEST", "\"" + field + "\" is missing. Send " + SHAPE + ".");
        }
        return value.textValue();
    }
}
