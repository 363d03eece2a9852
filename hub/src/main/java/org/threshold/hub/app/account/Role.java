package org.threshold.hub.app.account;

/**
 * What a hub account is for. Which routes and which household data each role reaches is decided in one place,
 * {@link org.threshold.hub.app.access.AccessPolicy}; this enum only names the roles and whether they work for
 * services.
 */
public enum Role {
    /** Accounts and kiosks; no household data. */
    ADMIN(false),
    /** A service's lead: its queue, reassignment within and across services, and the potential duplicates. */
    SUPERVISOR(true),
    /** One organisation, one or more services. */
    CASEWORKER(true),
    /** Reads any registered household (every read logged); sensitive codes only of the protection services served. */
    PROTECTION_OFFICER(true),
    /** The audit log and data-subject requests; no casework. */
    DPO(false);

    private final boolean servesServices;

    Role(boolean servesServices) {
        this.servesServices = servesServices;
    }

    /** Whether an account of this role works for one or more services (and must name at least one). */
    public boolean servesServices() {
        return servesServices;
    }
}
