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

        /** The scanner went away or came back; the message is for the operator. */
        void problem(String message);
    }
}
