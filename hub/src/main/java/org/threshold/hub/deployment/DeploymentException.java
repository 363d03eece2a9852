package org.threshold.hub.deployment;

/** A deployment file the hub needs is missing or unreadable; the message says which and what to do. */
public final class DeploymentException extends RuntimeException {
    DeploymentException(String message) {
        super(message);
    }
}
