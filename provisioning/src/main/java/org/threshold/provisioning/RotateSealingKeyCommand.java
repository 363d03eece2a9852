package org.threshold.provisioning;

import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

@Command(name = "rotate-sealing-key", mixinStandardHelpOptions = true,
        description = {"Make a new hub sealing key (HPKE X-Wing) the current one. Every older key stays in keys.json "
                + "so events sealed to it still open at the hub. Kiosks switch to the new key on their next pull of "
                + "the update feed; the running hub picks the key up by itself.",
            "Back up keys.json offline again afterwards."},
        footer = {"", "Example:", "  provision rotate-sealing-key --hub /var/lib/threshold/hub"})
final class RotateSealingKeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubOption hub;

    @Override
    public Integer call() {
        SealingKeyRotation.Result result = SealingKeyRotation.rotate(hub, new SecureRandom());
        spec.commandLine().getOut().println("New current sealing key " + result.newKeyId() + " (previous: " + result.previousKeyId()
                + ", kept with " + (result.keysHeld() - 1) + " older key(s) so old events still open).");
        spec.commandLine().getOut().println(result.kiosksTold() + " kiosk(s) will switch on their next pull. Back up keys.json "
                + "offline now.");
        return 0;
    }
}
