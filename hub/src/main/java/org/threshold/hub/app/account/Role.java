package org.threshold.hub.app.account;

/** What a hub account may do. Both roles may look households up by token; only ADMIN will manage accounts. */
public enum Role {
    ADMIN, CASEWORKER
}
