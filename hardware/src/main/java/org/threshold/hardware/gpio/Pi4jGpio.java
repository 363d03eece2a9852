package org.threshold.hardware.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.threshold.hardware.DeviceInfo;

/**
 * Lights, buttons, buzzer and tamper switch on one Pi4J context: the real header through gpiod or
 * linuxfs, or Pi4J's mock platform on a machine without one. The only class that creates Pi4J I/O;
 * closing it shuts the context down and leaves every LED dark. Thread-safe.
 */
public final class Pi4jGpio implements AutoCloseable {

    // Contacts bounce for a few milliseconds; a press or an opening lasts far longer.
    private static final long DEBOUNCE_MICROS = 20_000;
    private static final long SHORT_BEEP_MS = 80;

    private final Context context;
    private final String provider;
    private final boolean simulated;
    private final Map<StatusLights.Light, DigitalOutput> leds = new EnumMap<>(StatusLights.Light.class);
    private final DigitalOutput buzzer;
    private final Map<Buttons.Button, DigitalInput> buttons = new EnumMap<>(Buttons.Button.class);
    private final DigitalInput tamper;
    private final Map<Buttons.Button, AtomicReference<Runnable>> buttonActions = new EnumMap<>(Buttons.Button.class);
    private final AtomicReference<Runnable> tamperHandler = new AtomicReference<>(() -> { });
    private final ScheduledExecutorService timer;
    private final AtomicReference<StatusLights.Light> shown = new AtomicReference<>();
    private final boolean tamperFitted;

    /**
     * @param provider  what drives the pins, for the status page, e.g. "gpiod on Raspberry Pi 5 Model B"
     * @param simulated true for the mock platform
     * @param timer     ends beeps; never blocks a caller
     */
    public Pi4jGpio(Context context, GpioPins pins, String provider, boolean simulated,
                    ScheduledExecutorService timer) {
        this.context = Objects.requireNonNull(context, "context");
        this.provider = provider;
        this.simulated = simulated;
        this.timer = timer;
        leds.put(StatusLights.Light.READY, output("led-ready", pins.ready()));
        leds.put(StatusLights.Light.BUSY, output("led-busy", pins.busy()));
        leds.put(StatusLights.Light.OFFLINE, output("led-offline", pins.offline()));
        leds.put(StatusLights.Light.ERROR, output("led-error", pins.error()));
        buzzer = output("buzzer", pins.buzzer());
        buttons.put(Buttons.Button.REPRINT_LAST, input("button-reprint", pins.reprintButton()));
        buttons.put(Buttons.Button.CALL_SUPERVISOR, input("button-supervisor", pins.supervisorButton()));
        buttons.forEach((button, input) -> {
            AtomicReference<Runnable> action = new AtomicReference<>(() -> { });
            buttonActions.put(button, action);
            input.addListener(event -> {
                if (event.state() == DigitalState.LOW) {
                    action.get().run();
                }
            });
        });
        tamper = pins.tamperFitted() ? input("tamper", pins.tamper()) : null;
        if (tamper != null) {
            tamper.addListener(event -> {
                if (event.state() == DigitalState.HIGH) {
                    tamperHandler.get().run();
                }
            });
        }
        this.tamperFitted = pins.tamperFitted();
    }

    private DigitalOutput output(String id, int pin) {
        DigitalOutputConfig config = DigitalOutput.newConfigBuilder(context).id(id).address(pin)
                .initial(DigitalState.LOW).shutdown(DigitalState.LOW).build();
        return context.create(config, IOType.DIGITAL_OUTPUT);
    }

    private DigitalInput input(String id, int pin) {
        DigitalInputConfig config = DigitalInput.newConfigBuilder(context).id(id).address(pin)
                .pull(PullResistance.PULL_UP).debounce(DEBOUNCE_MICROS).build();
        return context.create(config, IOType.DIGITAL_INPUT);
    }

    public StatusLights lights() {
        return light -> {
            synchronized (leds) {
                if (light == shown.getAndSet(light)) {
                    return;
                }
                leds.forEach((each, led) -> led.state(each == light ? DigitalState.HIGH : DigitalState.LOW));
            }
        };
    }

    public Buttons buttons() {
        return (button, action) -> buttonActions.get(button).set(Objects.requireNonNull(action, "action"));
    }

    public TamperSwitch tamperSwitch() {
        return handler -> tamperHandler.set(Objects.requireNonNull(handler, "handler"));
    }

    public Buzzer buzzer() {
        return beep -> {
            int beeps = beep == Buzzer.Beep.DONE ? 1 : 3;
            for (int i = 0; i < beeps; i++) {
                long on = i * 2 * SHORT_BEEP_MS;
                timer.schedule(() -> buzzer.state(DigitalState.HIGH), on, TimeUnit.MILLISECONDS);
                timer.schedule(() -> buzzer.state(DigitalState.LOW), on + SHORT_BEEP_MS, TimeUnit.MILLISECONDS);
            }
        };
    }

    /** Hands on the mock pins; empty on a real header. */
    public java.util.Optional<SimulatedPanel> panel() {
        return simulated ? java.util.Optional.of(new SimulatedPanel(leds, buzzer, buttons, tamper))
                : java.util.Optional.empty();
    }

    /** True when the case is open right now, e.g. it was opened while the kiosk was off. */
    public boolean tampered() {
        return tamper != null && tamper.state() == DigitalState.HIGH;
    }

    public DeviceInfo describe() {
        return new DeviceInfo("gpio", "lights, buttons, buzzer" + (tamperFitted ? ", tamper switch" : ", no tamper switch"),
                simulated, provider);
    }

    @Override
    public void close() {
        context.shutdown();
    }
}
