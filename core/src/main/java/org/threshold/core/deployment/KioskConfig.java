package org.threshold.core.deployment;

import java.net.URI;
import java.net.URISyntaxException;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.KioskId;

/**
 * What a kiosk is told at enrollment: who it is, where it stands, and which hub it trusts. Stored as
 * {@code kiosk.json} in the kiosk's data folder. Holds no secret.
 */
public record KioskConfig(String kioskId, String site, String hubUrl, String hubIdentityKey, String hubSealingKey) {
    public KioskConfig {
        KioskId.requireValid(kioskId);
        if (site == null || site.isBlank()) {
            throw new IllegalArgumentException("A kiosk needs a site name");
        }
        if (hubUrl == null || !(hubUrl.startsWith("http://") || hubUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("The hub URL must start with http:// or https://");
        }
        requireUsableHubUrl(hubUrl);
        VerifyingKey.fromBase64(hubIdentityKey);
        SealingPublicKey.fromBase64(hubSealingKey);
    }

    /** A host to reach, and nothing that would be sent along unasked: no user name or password, query or fragment. */
    private static void requireUsableHubUrl(String hubUrl) {
        URI uri;
        try {
            uri = new URI(hubUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The hub URL is not a valid URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The hub URL must name the hub's host (and port), e.g. "
                    + "https://hub.example.org:8443, with no user name, password, query or fragment");
        }
    }

    public VerifyingKey hubIdentity() {
        return VerifyingKey.fromBase64(hubIdentityKey);
    }

    public SealingPublicKey hubSealing() {
        return SealingPublicKey.fromBase64(hubSealingKey);
    }

    /** The address of {@code path} (starting with /) on the hub, whether or not {@link #hubUrl} ends with a slash. */
    public String hubAddress(String path) {
        return (hubUrl.endsWith("/") ? hubUrl.substring(0, hubUrl.length() - 1) : hubUrl) + path;
    }

    public KioskConfig withHubUrl(String url) {
        return new KioskConfig(kioskId, site, url, hubIdentityKey, hubSealingKey);
    }
}
