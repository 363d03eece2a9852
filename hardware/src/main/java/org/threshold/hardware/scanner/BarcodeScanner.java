package org.threshold.hardware.scanner;

import org.threshold.hardware.DeviceInfo;

/**
 * A stream of scanned payloads. Serial scanners and the simulators push into the listener from their
 * own thread; a USB keyboard-wedge scanner types into the kiosk page instead, which hands what it typed
 * to {@link KeyboardWedgeScanner}, so the kiosk listens to one port whichever scanner it has.
 */
public interface BarcodeScanner extends AutoCloseable {

    /** Starts delivering scans; call once. */
    void listen(ScanListener listener);

    DeviceInfo describe();

    /** Stops reading and releases the device. */
    @Override
    void close();

    /** Called on the scanner's thread; keep it short. */
    interface ScanListener {

        /** A payload as the scanner read it, without its line ending. Never logged: it is a token. */
        void scanned(String payload);

        /**
         * The scanner went away or came back, or a simulated scan failed. {@code problem} is what the kiosk tells
         * the operator, in their language; {@code detail} (English, no personal data) is for the log.
         */
        void problem(Problem problem, String detail);
    }

    enum Problem {
        /** Unplugged, or its port does not open; the kiosk keeps trying. */
        NOT_CONNECTED,
        /** Back after {@link #NOT_CONNECTED}: the problem is over. */
        RECONNECTED,
        /** The simulator's pipe cannot be opened or stopped reading: scanning needs a restart. */
        SIMULATOR_FAILED,
        /** A simulated scan of a picture that does not open or holds no readable code. */
        UNREADABLE_PICTURE
    }
}
