package org.threshold.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServices;
import java.time.Clock;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.LocalKeyFile;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.crypto.PassphraseKeyWrap;
import org.threshold.core.deployment.OperatorRecord;

class ProvisionerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Provisioner provisioner = new Provisioner(new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void initWritesHubKeysOwnerOnlyAndRefusesToReplaceThem() throws Exception {
        Path hub = dir.resolve("hub");
        Provisioner.HubIdentity identity = provisioner.initHub(hub);

        Path keys = hub.resolve("keys.json");
        assertThat(Files.getPosixFilePermissions(keys))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        HubKeysFile file = JSON.readValue(keys.toFile(), HubKeysFile.class);
        assertThat(file.identity().signingKey().verifyingKey().fingerprint()).isEqualTo(identity.identityFingerprint());
        assertThat(file.currentSealing().sealingKey().publicKey().keyId()).isEqualTo(identity.sealingKeyId());
        assertThat(Files.getPosixFilePermissions(hub)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

        byte[] before = Files.readAllBytes(keys);
        assertThatThrownBy(() -> provisioner.initHub(hub))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("Refusing to replace");
        assertThat(Files.readAllBytes(keys)).isEqualTo(before);
    }

    @Test
    void enrollWrapsOneLocalDataKeyForEveryOperatorAtTheShiftKeyCost() throws Exception {
        Path hub = dir.resolve("hub");
        Path kiosk = dir.resolve("kiosk");
        provisioner.initHub(hub);

        provisioner.enrollKiosk(hub, kiosk, "KIOSK-02", "North gate", "http://127.0.0.1:9", List.of(
                new Provisioner.OperatorGrant("amal", OperatorRecord.Role.SUPERVISOR, "first passphrase".toCharArray()),
                new Provisioner.OperatorGrant("bilal", OperatorRecord.Role.RECEPTION, "second passphrase".toCharArray())));

        Path file = kiosk.resolve("local-key.json");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        LocalKeyFile keys = JSON.readValue(file.toFile(), LocalKeyFile.class);
        assertThat(keys.wraps()).extracting(LocalKeyFile.OperatorWrap::operator).containsExactly("amal", "bilal");
        assertThat(Argon2idCost.parse(keys.wraps().get(0).derivation())).isEqualTo(Argon2idCost.SHIFT_KEY);
        byte[] first = PassphraseKeyWrap.unwrap(keys.wraps().get(0).wrapped(), "amal",
                "first passphrase".toCharArray()).orElseThrow();
        byte[] second = PassphraseKeyWrap.unwrap(keys.wraps().get(1).wrapped(), "bilal",
                "second passphrase".toCharArray()).orElseThrow();
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PassphraseKeyWrap.unwrap(keys.wraps().get(1).wrapped(), "amal", "second passphrase".toCharArray()))
                .as("a wrap is bound to its operator").isEmpty();
        assertThat(PassphraseKeyWrap.unwrap(keys.wraps().get(0).wrapped(), "amal", "wrong passphrase".toCharArray()))
                .isEmpty();
    }

    @Test
    void enrollWritesKioskFilesAndTellsTheHubTheKioskKey() throws Exception {
        Path hub = dir.resolve("hub");
        Path kiosk = dir.resolve("kiosk");
        provisioner.initHub(hub);

        KioskConfig config = provisioner.enrollKiosk(hub, kiosk, "KIOSK-01", "North gate", "http://127.0.0.1:9",
                List.of(new Provisioner.OperatorGrant("amal", OperatorRecord.Role.RECEPTION,
                        "long enough passphrase".toCharArray())));

        HubKeysFile hubKeys = JSON.readValue(hub.resolve("keys.json").toFile(), HubKeysFile.class);
        assertThat(config.hubIdentityKey()).isEqualTo(hubKeys.identity().publicKey());
        assertThat(config.hubSealingKey()).isEqualTo(hubKeys.currentSealing().publicKey());
        assertThat(JSON.readValue(kiosk.resolve("kiosk.json").toFile(), KioskConfig.class)).isEqualTo(config);

        KeyPairFile kioskKey = JSON.readValue(kiosk.resolve("kiosk-key.json").toFile(), KeyPairFile.class);
        assertThat(Files.getPosixFilePermissions(kiosk.resolve("kiosk-key.json")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        try (HubServices services = HubServices.open(hub, DatabaseSettings.SQLITE_IN_DATA_FOLDER, Clock.systemUTC())) {
            assertThat(services.kiosks().find("KIOSK-01").orElseThrow().verifyingKey())
                    .isEqualTo(kioskKey.signingKey().verifyingKey());
        }

        OperatorRecord[] operators = JSON.readValue(kiosk.resolve("operators.json").toFile(), OperatorRecord[].class);
        assertThat(operators).hasSize(1);
        assertThat(operators[0].hash().matches("long enough passphrase".toCharArray())).isTrue();
        assertThat(Files.readString(kiosk.resolve("operators.json"))).doesNotContain("long enough passphrase");
    }

    @Test
    void enrollRefusesWithoutHubKeysTwiceOrWithBadInput() {
        Path hub = dir.resolve("hub");
        Path kiosk = dir.resolve("kiosk");
        List<Provisioner.OperatorGrant> operator = List.of(new Provisioner.OperatorGrant("amal",
                OperatorRecord.Role.RECEPTION, "long enough passphrase".toCharArray()));

        assertThatThrownBy(() -> provisioner.enrollKiosk(hub, kiosk, "KIOSK-01", "North gate", "http://h", operator))
                .hasMessageContaining("provision init");
        provisioner.initHub(hub);
        assertThatThrownBy(() -> provisioner.enrollKiosk(hub, kiosk, "kiosk one", "North gate", "http://h", operator))
                .hasMessageContaining("not a valid kiosk id");
        assertThatThrownBy(() -> provisioner.enrollKiosk(hub, kiosk, "KIOSK-01", "North gate", "ftp://h", operator))
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> provisioner.enrollKiosk(hub, kiosk, "KIOSK-01", "North gate", "http://h",
                List.of(new Provisioner.OperatorGrant("amal", OperatorRecord.Role.RECEPTION, "short".toCharArray()))))
                .hasMessageContaining("too short");
        assertThat(kiosk.resolve("kiosk-key.json")).doesNotExist();

        provisioner.enrollKiosk(hub, kiosk, "KIOSK-01", "North gate", "http://h", operator);
        assertThatThrownBy(() -> provisioner.enrollKiosk(hub, dir.resolve("other"), "KIOSK-01", "North gate",
                "http://h", operator)).hasMessageContaining("already enrolled");
    }
}
