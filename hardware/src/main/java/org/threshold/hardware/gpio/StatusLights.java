package org.threshold.hardware.gpio;

/** The kiosk's lights, one LED per state, exactly one lit. Thread-safe. */
public interface StatusLights {

    void show(Light light);

    enum Light { READY, BUSY, OFFLINE, ERROR }

    /** For a kiosk without lights: the page shows the same state. */
    StatusLights NONE = light -> { };
}
