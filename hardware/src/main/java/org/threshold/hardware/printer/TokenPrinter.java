package org.threshold.hardware.printer;

import org.threshold.hardware.DeviceInfo;

/**
 * Puts a token card in the hands of reception staff: a thermal printer on a kiosk, a PNG file on a
 * laptop. Drivers stay behind this port so the kiosk never knows which one it has.
 *
 * <p>The registration is committed before {@link #print} is called, so a failed print loses nothing:
 * the operator fixes the device and reprints.
 */
public interface TokenPrinter {

    /**
     * Produces one card and returns once it is out.
     *
     * @throws PrinterException if no card was produced; its message tells the operator what to do
     */
    PrintResult print(TokenCard card);

    DeviceInfo describe();
}
