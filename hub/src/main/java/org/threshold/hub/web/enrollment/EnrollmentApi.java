package org.threshold.hub.web.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.web.access.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.enrollment.EnrollmentCode;
import org.threshold.core.pki.Pem;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.enrollment.DeploymentAuthority;
import org.threshold.hub.app.enrollment.Enrollment;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestBodies;


/**
 * {@code POST /api/enrollment}: a kiosk that generated its own key pair sends the public key, a one-time code
 * and a signature over both (proof it holds the private key), and gets back its certificate signed by the
 * deployment root and everything it needs to run. The code is spent before anything is issued, so it works
 * once even if the answer is lost. The hub then trusts the kiosk through its directory in the store.
 */
public final class EnrollmentApi {
    public static final String PATH = "/api/enrollment";
    private static final int MAX_BODY = 16 * 1024;
    private static final String SHAPE = "{\"code\",\"publicKey\",\"proof\",\"softwareVersion\"}";
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentApi.class);

    private final Enrollment enrollment;
    private final DeploymentAuthority authority;
    private final HubKeys keys;

    public EnrollmentApi(Enrollment enrollment, DeploymentAuthority authority, HubKeys keys) {
        this.enrollment = enrollment;
        this.authority = authority;
        this.keys = keys;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post(PATH, this::enroll, Access.KIOSK);
    }

    private void enroll(Context ctx) {
        JsonNode json = HubJson.parse(ctx, RequestBodies.read(ctx, MAX_BODY, new ApiException(413, "TOO_LARGE",
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
        Enrollment.Enrolled enrolled;
        try {
            enrolled = enrollment.enroll(code, kioskKey, softwareVersion, authority);
        } catch (Refusal e) {
            LOG.warn("Enrollment refused: {}", e.reason());
            throw e;
        }
        LOG.info("Kiosk {} enrolled at site {}", enrolled.kiosk().kioskId(), enrolled.kiosk().site());

        ObjectNode answer = HubJson.MAPPER.createObjectNode();
        answer.put("kioskId", enrolled.kiosk().kioskId());
        answer.put("site", enrolled.kiosk().site());
        answer.put("certificate", enrolled.certificatePem());
        answer.put("rootCertificate", Pem.certificate(authority.rootCertificate()));
        answer.put("hubIdentityKey", keys.identity().verifyingKey().toBase64());
        answer.put("hubSealingKey", keys.currentSealingPublicKey());
        answer.set("operators", HubJson.MAPPER.valueToTree(enrolled.operators()));
        ctx.status(201).json(answer);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new ApiException(400, "MALFORMED_REQUEST", "\"" + field + "\" is missing. Send " + SHAPE + ".");
        }
        return value.textValue();
    }
}
