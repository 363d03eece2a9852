package org.threshold.provisioning;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --hub DIR}, shared by every command that works on the hub's data folder. */
final class HubOption {
    static final String DEFAULT_HUB = "/var/lib/threshold/hub";

    @Option(names = "--hub", paramLabel = "DIR", defaultValue = DEFAULT_HUB,
            description = "The hub's data folder, on this machine (default: ${DEFAULT-VALUE}).")
    Path hubDir;
}
