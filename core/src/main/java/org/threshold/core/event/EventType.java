package org.threshold.core.event;

import java.util.Arrays;
import java.util.Optional;

/** What an event records. The wire name is part of the signed header, so it never changes. */
public enum EventType {
    /** A household with its members, needs, consent and the token issued to it, in one fact. */
    HOUSEHOLD_REGISTERED("HouseholdRegistered"),
    /** A supervisor reprinted a household's card; the card says COPY. */
    HOUSEHOLD_CARD_REPRINTED("HouseholdCardReprinted"),
    /** A supervisor gave a household a new token; the old one is revoked. */
    TOKEN_REISSUED("TokenReissued"),
    /**
     * A supervisor corrected fields, added members or added needs; the payload holds the whole household after. On
     * the hub's own chain, the data protection officer's correction at the person's request.
     */
    HOUSEHOLD_CORRECTED("HouseholdCorrected"),
    /** An operator recorded a change of the household's consent, with the reason. */
    CONSENT_CHANGED("ConsentChanged"),
    /**
     * The operator confirmed a referral the rules suggested at registration: core's
     * {@code org.threshold.core.referral.ReferralRequested} payload, sealed like the registration it follows.
     */
    REFERRAL_REQUESTED("ReferralRequested"),
    /**
     * The hub moved a referral on (a caseworker's step, or a withdrawal of consent): core's
     * {@code org.threshold.core.referral.ReferralTransitioned} payload, on the hub's own chain.
     */
    REFERRAL_TRANSITIONED("ReferralTransitioned"),
    /** A caseworker noted something on a referral: {@code ReferralNoteAdded}, on the hub's own chain. */
    REFERRAL_NOTE_ADDED("ReferralNoteAdded"),
    /** A supervisor sent a referral to another service: {@code ReferralReassigned}, on the hub's own chain. */
    REFERRAL_REASSIGNED("ReferralReassigned"),
    /**
     * A supervisor decided two registrations are one household: the merged one's referrals and tokens go to the
     * survivor. On the hub's own chain; its payload lists what moved, so {@link #HOUSEHOLDS_UNMERGED} can undo it.
     */
    HOUSEHOLDS_MERGED("HouseholdsMerged"),
    /** A supervisor undid a merge: what it moved goes back. On the hub's own chain. */
    HOUSEHOLDS_UNMERGED("HouseholdsUnmerged"),
    /** A supervisor decided a potential duplicate is two households after all. On the hub's own chain. */
    DUPLICATE_DISMISSED("DuplicateDismissed"),
    /**
     * The data protection officer (or the retention job) erased a household: the tombstone, on the hub's own chain,
     * written as its data key is destroyed. Its payload names the household, who and why, never what was held.
     */
    HOUSEHOLD_ERASED("HouseholdErased"),
    /** The data protection officer restricted a household's processing, on the hub's own chain. */
    HOUSEHOLD_RESTRICTED("HouseholdRestricted"),
    /** The data protection officer lifted a household's restriction, on the hub's own chain. */
    HOUSEHOLD_RESTRICTION_LIFTED("HouseholdRestrictionLifted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
