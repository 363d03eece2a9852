package org.threshold.core.registration;

/** What the household agreed to: registration itself, and sharing with services it is referred to. */
public record Consent(boolean registration, boolean referral) {
}
