package org.threshold.hardware.gpio;

/** Physical buttons beside the screen. Actions run on a device thread and must not block it for long. */
public interface Buttons {

    /** Replaces any earlier action for the button. */
    void onPress(Button button, Runnable action);

    enum Button {
        /** Prints the last card of this shift again: for a card that jammed or tore. */
        REPRINT_LAST,
        /** Asks a supervisor to come over, without anyone at the desk raising their voice. */
        CALL_SUPERVISOR
    }

    Buttons NONE = (button, action) -> { };
}
