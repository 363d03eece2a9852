package org.threshold.core.registration;

import java.time.Instant;
import java.util.List;

/**
 * What the household agreed to, per purpose: registration itself, and sharing with services it is referred to;
 * for a child, the guardian's consent and the child's own assent, recorded separately. Who gave it (a member's
 * place in the list), in which language it was asked, and which operator recorded it when.
 * Nullable: language, givenBy, recordedBy, recordedAt (older registrations did not record them).
 */
public record Consent(boolean registration, boolean referral, String language, Integer givenBy, String recordedBy,
                      Instant recordedAt, List<ChildConsent> children) {
    public Consent {
        children = List.copyOf(children);
    }

    public Consent(boolean registration, boolean referral) {
        this(registration, referral, null, null, null, null, List.of());
    }

    /**
     * A child's consent: {@code member} is the child's place in the household's list. The child's own assent is
     * three-valued, so a child too young to be asked is not recorded as refusing.
     */
    public record ChildConsent(int member, boolean guardianConsent, Assent childAssent) {
        public ChildConsent {
            java.util.Objects.requireNonNull(childAssent, "childAssent");
        }
    }

    /** A child's own answer. In JSON: {@code true}, {@code false}, or {@code null} for not asked. */
    public enum Assent {
        GIVEN,
        REFUSED,
        /** Not asked, e.g. too young; neither agreement nor refusal. */
        NOT_ASKED
    }

    /** The same consent, recorded by {@code operator} at {@code at}. */
    public Consent recordedBy(String operator, Instant at) {
        return new Consent(registration, referral, language, givenBy, operator, at, children);
    }
}
