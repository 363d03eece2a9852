package org.threshold.hub.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.deployment.EnrolledKiosk;
import org.threshold.core.event.KioskId;

/**
 * The kiosks enrolled with this hub: one {@code kiosks/<id>.json} each. A kiosk the hub has not seen yet is
 * read from its file on first use, so a kiosk enrolled while the hub runs syncs without a restart. Reading
 * only that one file (the id is checked first, so it cannot name a path elsewhere) keeps requests naming
 * unknown kiosks cheap. Thread-safe.
 */
public final class EnrolledKiosks {
    private static final Logger LOG = LoggerFactory.getLogger(EnrolledKiosks.class);

    private final Path folder;
    private final ConcurrentMap<String, EnrolledKiosk> known = new ConcurrentHashMap<>();

    public EnrolledKiosks(Path folder) {
        this.folder = folder;
    }

    public Optional<EnrolledKiosk> find(String kioskId) {
        if (!KioskId.isValid(kioskId)) {
            return Optional.empty();
        }
        EnrolledKiosk cached = known.get(kioskId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<EnrolledKiosk> enrolled = read(kioskId);
        enrolled.ifPresent(kiosk -> known.putIfAbsent(kioskId, kiosk));
        return enrolled;
    }

    /** The ids of every kiosk with a file in {@code kiosks/}, sorted; unreadable files are included. */
    public java.util.List<String> enrolledIds() {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .filter(KioskId::isValid)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("Could not list {} ({})", folder, e.getClass().getSimpleName());
            return java.util.List.of();
        }
    }

    /** The kiosk's public key, or {@code null} if it is not enrolled: the shape token verification asks for. */
    public VerifyingKey verifyingKeyOrNull(String kioskId) {
        return find(kioskId).map(EnrolledKiosk::verifyingKey).orElse(null);
    }

    private Optional<EnrolledKiosk> read(String kioskId) {
        Path file = folder.resolve(kioskId + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            EnrolledKiosk kiosk = DeploymentJson.read(file, EnrolledKiosk.class);
            if (!kiosk.kioskId().equals(kioskId)) {
                LOG.warn("{} names kiosk {}; ignoring it until the file is renamed or corrected", file, kiosk.kioskId());
                return Optional.empty();
            }
            return Optional.of(kiosk);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} is unreadable ({}); kiosk {} cannot sync until it is re-enrolled", file,
                    e.getClass().getSimpleName(), kioskId);
            return Optional.empty();
        }
    }
}
