package org.threshold.hub.app.account;

/** The account behind a valid session. */
public record SignedInUser(String username, Role role) {
}
