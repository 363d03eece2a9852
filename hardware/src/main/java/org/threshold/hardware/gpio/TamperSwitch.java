package org.threshold.hardware.gpio;

/**
 * The switch that opens when the kiosk's case does. The handler runs once per opening, on a device
 * thread, and should be quick: it destroys keys, it does not ask questions.
 */
public interface TamperSwitch {

    void onTamper(Runnable handler);

    TamperSwitch NONE = handler -> { };
}
