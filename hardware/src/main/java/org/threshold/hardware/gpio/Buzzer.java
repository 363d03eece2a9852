package org.threshold.hardware.gpio;

/** A piezo buzzer: heard when the operator is looking at the person, not the screen. Never blocks. */
public interface Buzzer {

    void beep(Beep beep);

    enum Beep {
        /** One short beep: the card is out. */
        DONE,
        /** Three beeps: look at the screen, something needs you. */
        ATTENTION
    }

    Buzzer NONE = beep -> { };
}
