package org.threshold.core.needs;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a specific-needs code is, or is not, sensitive: the three kinds of the domain reference (section 1), so
 * protection staff can review the classification and the hub can decide who sees each code.
 */
public enum Sensitivity {
    /** Shareable with the services the code routes to and shown on staff screens; never on a token. */
    NONE("none"),
    /** About what happened to the person (SGBV, torture): only the service that handles it and protection staff. */
    HARM_SUFFERED("harm-suffered"),
    /** Endangers the person if the wrong eyes see it (in hiding, refoulement, detention, armed forces...). */
    ENDANGERS("endangers"),
    /** About the person as a risk to others: protection staff's own assessment, routed to no service. */
    RISK_TO_OTHERS("risk-to-others"),
    /**
     * A sensitive code from a catalogue that predates the classification: treated as the most restrictive kind
     * (protection staff only) until the catalogue says otherwise.
     */
    UNCLASSIFIED("unclassified");

    private final String wireName;

    Sensitivity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether only protection staff may see the code, whatever service they serve. */
    public boolean protectionStaffOnly() {
        return this == RISK_TO_OTHERS || this == UNCLASSIFIED;
    }

    /** The class of a code whose catalogue gives only the flag. */
    static Sensitivity ofFlagAlone(boolean sensitive) {
        return sensitive ? UNCLASSIFIED : NONE;
    }

    static Optional<Sensitivity> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
