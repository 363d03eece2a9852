package org.threshold.core.needs;

/**
 * A specific-needs catalogue that cannot be used. The message names the offending code or field, so whoever
 * published the catalogue can fix it; a kiosk that receives one keeps the catalogue it already has.
 */
public final class CatalogueException extends RuntimeException {

    CatalogueException(String message) {
        super(message);
    }

    CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
