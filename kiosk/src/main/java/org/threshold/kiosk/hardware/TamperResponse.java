package org.threshold.kiosk.hardware;

/**
 * What the kiosk does when its case is opened. Runs on the GPIO thread as soon as the switch opens,
 * once per opening; it must act at once and never wait for a person.
 *
 * <p>{@link LockShiftsOnTamper} is the stand-in until the kiosk's at-rest protection (issue 3) destroys
 * the wrapped local key material here instead.
 */
@FunctionalInterface
public interface TamperResponse {

    void caseOpened();
}
