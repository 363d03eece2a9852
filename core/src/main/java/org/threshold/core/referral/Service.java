package org.threshold.core.referral;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service that referrals go to, such as {@code health} or {@code gbv}.
 *
 * @param id                  stable id, lower-case with hyphens; what events and the API carry
 * @param label               English name for staff and documentation
 * @param protection          a protection service: protection officers serving it see the sensitive codes it handles
 * @param personalConsentOnly receives nothing without the referred person's own consent, whatever else holds (GBV)
 */
public record Service(String id, String label, boolean protection, boolean personalConsentOnly) {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Service {
        Objects.requireNonNull(label, "label");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A service id is lower-case letters and digits joined by hyphens");
        }
    }
}
