package org.threshold.hardware;

import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a driver may use besides its settings.
 *
 * @param dataDir     the kiosk's data folder, where simulators keep their pipe
 * @param cardsFolder where the simulated printer puts its cards
 * @param timer       for short timed work (a beep); never block it
 */
public record DriverContext(Path dataDir, Path cardsFolder, ScheduledExecutorService timer) {
}
