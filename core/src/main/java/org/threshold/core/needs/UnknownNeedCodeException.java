package org.threshold.core.needs;

/** A specific-needs code that the catalogue does not hold; the message tells staff what to use instead. */
public final class UnknownNeedCodeException extends IllegalArgumentException {

    UnknownNeedCodeException(String message) {
        super(message);
    }
}
