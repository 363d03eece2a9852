package org.threshold.core.referral;

/** Why the lifecycle refused a command. The names are stable: the API returns them and pages translate them. */
public enum Refusal {
    /** The referral's status does not allow this step (e.g. accepting a closed referral, or skipping RECEIVED). */
    INVALID_TRANSITION,
    /** Declining, failing, withdrawing and reassigning need a written reason. */
    REASON_REQUIRED,
    /** The reason is longer than {@link ReferralLifecycle#MAX_REASON} characters. */
    REASON_TOO_LONG,
    /** The withdrawn consent was for another purpose than this referral's service. */
    OTHER_PURPOSE,
    /** The referral stands on best or vital interests, not consent, so withdrawing consent does not end it. */
    NOT_BASED_ON_CONSENT,
    /** Reassigning to the service the referral is already with. */
    SAME_SERVICE,
    /** Reassigning to a service the services file does not list. */
    UNKNOWN_SERVICE,
    /** Reassigning to a personal-consent-only service (GBV) on any basis but the person's consent. */
    PERSONAL_CONSENT_REQUIRED
}
