package org.threshold.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.Map;
import java.util.Optional;

/**
 * The hands and eyes for simulated GPIO: press a button, open the case, see which LED is lit. Drives
 * Pi4J's mock pins, so everything between the pin and the kiosk runs as on a Raspberry Pi.
 */
public final class SimulatedPanel {

    private final Map<StatusLights.Light, DigitalOutput> leds;
    private final DigitalOutput buzzer;
    private final Map<Buttons.Button, DigitalInput> buttons;
    private final DigitalInput tamper;

    SimulatedPanel(Map<StatusLights.Light, DigitalOutput> leds, DigitalOutput buzzer,
                   Map<Buttons.Button, DigitalInput> buttons, DigitalInput tamper) {
        this.leds = leds;
        this.buzzer = buzzer;
        this.buttons = buttons;
        this.tamper = tamper;
    }

    /** The lit LED; empty if none is (or, wrongly, more than one). */
    public Optional<StatusLights.Light> lit() {
        var lit = leds.entrySet().stream().filter(entry -> entry.getValue().state() == DigitalState.HIGH)
                .map(Map.Entry::getKey).toList();
        return lit.size() == 1 ? Optional.of(lit.get(0)) : Optional.empty();
    }

    public boolean buzzerSounding() {
        return buzzer.state() == DigitalState.HIGH;
    }

    /** Pressed and released, as a finger would. */
    public void press(Buttons.Button button) {
        MockDigitalInput input = (MockDigitalInput) buttons.get(button);
        // Mock pins start low, where a pulled-up button idles high: release it first, or no edge comes.
        input.mockState(DigitalState.HIGH);
        input.mockState(DigitalState.LOW);
        input.mockState(DigitalState.HIGH);
    }

    /** @throws IllegalStateException if this kiosk has no tamper switch */
    public void openCase() {
        tamperSwitch().mockState(DigitalState.HIGH);
    }

    public void closeCase() {
        tamperSwitch().mockState(DigitalState.LOW);
    }

    private MockDigitalInput tamperSwitch() {
        if (tamper == null) {
            throw new IllegalStateException("This simulated kiosk has no tamper switch (gpio.tamper=false)");
        }
        return (MockDigitalInput) tamper;
    }
}
