package org.threshold.provisioning;

/** A provisioning step that cannot go ahead; the message says why and what to do instead. */
public final class ProvisioningException extends RuntimeException {
    public ProvisioningException(String message) {
        super(message);
    }
}
