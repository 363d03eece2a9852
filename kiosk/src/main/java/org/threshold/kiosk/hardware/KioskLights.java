package org.threshold.kiosk.hardware;

import org.threshold.hardware.gpio.Buzzer;
import org.threshold.hardware.gpio.StatusLights;
import org.threshold.hardware.gpio.StatusLights.Light;

/**
 * Turns what the kiosk is doing into one lit LED: ERROR after a card failed (until one prints) or after
 * the case was opened, else BUSY while a card prints, else OFFLINE while the hub is unreachable, else
 * READY. A beep when a card is out, three when someone must look at the screen. Thread-safe.
 */
public final class KioskLights {

    private final StatusLights lights;
    private final Buzzer buzzer;
    private int printing;
    private boolean printFailed;
    private boolean tampered;
    private boolean hubUnreachable;

    public KioskLights(StatusLights lights, Buzzer buzzer) {
        this.lights = lights;
        this.buzzer = buzzer;
        update();
    }

    public synchronized void printing() {
        printing++;
        update();
    }

    public synchronized void printed() {
        printing--;
        printFailed = false;
        update();
        buzzer.beep(Buzzer.Beep.DONE);
    }

    public synchronized void printFailed() {
        printing--;
        printFailed = true;
        update();
        buzzer.beep(Buzzer.Beep.ATTENTION);
    }

    public synchronized void caseOpened() {
        tampered = true;
        update();
        buzzer.beep(Buzzer.Beep.ATTENTION);
    }

    public synchronized void hubReachable(boolean reachable) {
        hubUnreachable = !reachable;
        update();
    }

    private void update() {
        lights.show(current());
    }

    synchronized Light current() {
        if (printFailed || tampered) {
            return Light.ERROR;
        }
        if (printing > 0) {
            return Light.BUSY;
        }
        return hubUnreachable ? Light.OFFLINE : Light.READY;
    }
}
