package org.threshold.core.referral;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one need code sends a person: the service, how urgently, and the legal basis that allows the referral
 * when consent is missing ({@code null}: none, the referral needs consent).
 */
public record Route(String service, Urgency urgency, LegalBasis withoutConsent) {

    public Route {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(urgency, "urgency");
        if (withoutConsent == LegalBasis.CONSENT) {
            throw new IllegalArgumentException("withoutConsent names the basis other than consent");
        }
    }

    public Optional<LegalBasis> basisWithoutConsent() {
        return Optional.ofNullable(withoutConsent);
    }
}
