package org.threshold.hub.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the deployment records that provisioning writes, which are plain records Jackson binds directly. */
final class DeploymentJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeploymentJson() {
    }

    /**
     * @throws IOException              if the file is missing or not the expected JSON
     * @throws IllegalArgumentException if a record rejects a value (its message names the rule, never the value)
     */
    static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            // Jackson wraps what a record's constructor threw; that message is the useful one. Jackson's own
            // messages are not passed on because they may quote the file, and keys.json holds private keys.
            IllegalArgumentException rejected = rejection(e);
            if (rejected != null) {
                throw rejected;
            }
            throw e;
        }
    }

    private static IllegalArgumentException rejection(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException rejected) {
                return rejected;
            }
        }
        return null;
    }
}
