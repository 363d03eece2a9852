package org.threshold.core.needs;

import java.util.Objects;

/**
 * One entry of the specific-needs catalogue, for example {@code SC-UC} "Unaccompanied child".
 *
 * @param code       {@code XX} for a category, {@code XX-YY} for a sub-code; always upper-case
 * @param parent     the category of a sub-code ({@code SC} for {@code SC-UC}); {@code null} for a category
 * @param label      the English meaning shown to staff
 * @param v4         offered for data entry; codes without it are accepted on import only
 * @param sensitive  never on a token or a shared screen, and in a referral only to the service that needs it
 * @param legacy     kept so older records still import; a current code replaces it
 * @param unverified not yet confirmed against the official UNHCR list
 * @param sensitivity which kind of sensitive code it is ({@link Sensitivity#NONE} exactly when not sensitive)
 * @param reason     why it is classified so, for protection staff to review; {@code null} in older catalogues
 */
public record SpecificNeed(
        String code,
        String parent,
        String label,
        boolean v4,
        boolean sensitive,
        boolean legacy,
        boolean unverified,
        Sensitivity sensitivity,
        String reason) {

    public SpecificNeed {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sensitivity, "sensitivity");
        if (sensitive == (sensitivity == Sensitivity.NONE)) {
            throw new IllegalArgumentException("Specific-needs code " + code + " is " + (sensitive ? "" : "not ")
                    + "sensitive but classified " + sensitivity.wireName());
        }
    }

    /** A need as a catalogue from before the classification describes it: a sensitive one is {@code UNCLASSIFIED}. */
    public SpecificNeed(String code, String parent, String label, boolean v4, boolean sensitive, boolean legacy,
                        boolean unverified) {
        this(code, parent, label, v4, sensitive, legacy, unverified,
                Sensitivity.ofFlagAlone(sensitive), null);
    }
}
