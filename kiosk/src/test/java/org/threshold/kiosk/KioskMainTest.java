package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KioskMainTest {
    @Test
    void readsEveryOption() {
        KioskSettings settings = KioskMain.parse("--data", "/srv/kiosk", "--port", "8181", "--hub",
                "http://127.0.0.1:9000", "--demo", "--sync-every", "5");

        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/kiosk"));
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8181);
        assertThat(settings.hubUrlOverride()).isEqualTo("http://127.0.0.1:9000");
        assertThat(settings.demoMode()).isTrue();
        assertThat(settings.syncInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void defaultsToPort8080WithBackgroundSyncAndNoOverride() {
        KioskSettings settings = KioskMain.parse("--data", "kiosk");

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.hubUrlOverride()).isNull();
        assertThat(settings.demoMode()).isFalse();
        assertThat(settings.syncInterval()).isPositive();
        assertThat(settings.retention()).isEqualTo(Duration.ofHours(72));
        assertThat(settings.minFreeDiskBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void theRetentionWindowAndTheDiskFloorAreConfigurable() {
        KioskSettings settings = KioskMain.parse("--data", "kiosk", "--retention-hours", "24", "--min-free-mb", "200");

        assertThat(settings.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.minFreeDiskBytes()).isEqualTo(200L * 1024 * 1024);
    }

    @Test
    void explainsWhatIsWrongWithTheArguments() {
        assertThatThrownBy(KioskMain::parse).hasMessageContaining("--data is required").hasMessageContaining("usage");
        assertThatThrownBy(() -> KioskMain.parse("--data", "k", "--port", "http")).hasMessageContaining("--port");
        assertThatThrownBy(() -> KioskMain.parse("--data")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> KioskMain.parse("--data", "k", "--verbose")).hasMessageContaining("unknown option");
    }
}
