package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.deployment.OperatorRecord.Role;
import org.threshold.core.testing.TestClock;

/** The hub's verified operator list, applied to a running kiosk and checked over its HTTP API. */
class OperatorsUpdateTest {
    private static final String NEW_OPERATOR = "chiara";
    private static final String NEW_PASSPHRASE = "lantern under the bridge";

    @TempDir
    Path dataDir;
    private KioskApp kiosk;
    /** As the hub sends them: the records of operators who did not change are the provisioned ones, unchanged. */
    private OperatorRecord amal;
    private OperatorRecord bilal;

    @BeforeEach
    void start() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        List<OperatorRecord> provisioned = Enrollment.read(dataDir).operators();
        amal = provisioned.get(0);
        bilal = provisioned.get(1);
        kiosk = startKiosk();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private KioskApp startKiosk() {
        return KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(), null));
    }


    private static OperatorRecord chiara() {
        return TestDeployment.operator(NEW_OPERATOR, Role.RECEPTION, NEW_PASSPHRASE);
    }

    private KioskClient client() {
        return new KioskClient(kiosk.port());
    }

    @Test
    void aRemovedOperatorIsRefusedAndTheirOpenSessionLocksAtOnce() throws Exception {
        KioskClient bilal = client();
        assertThat(bilal.unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE).status())
                .isEqualTo(200);
        KioskClient colleague = client();
        colleague.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);

        kiosk.operatorsUpdate().operatorsChanged(List.of(amal));

        assertThat(bilal.post("/api/households", Households.nourhan()).reason()).isEqualTo("LOCKED");
        assertThat(client().unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE).status())
                .isEqualTo(401);
        assertThat(colleague.post("/api/households", Households.nourhan()).status()).as("others keep their shift")
                .isEqualTo(201);
    }

    @Test
    void aRemovedOperatorsWrapOfTheLocalKeyIsDeleted() throws Exception {
        kiosk.operatorsUpdate().operatorsChanged(List.of(amal));
        kiosk.operatorsUpdate().operatorsChanged(List.of(amal, bilal));

        KioskClient readded = client();
        readded.unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE);
        assertThat(readded.get("/api/households?name=Amina").reason()).isEqualTo("NO_LOCAL_KEY");
    }

    @Test
    void anAddedOperatorCanUnlock() throws Exception {
        assertThat(client().unlock(NEW_OPERATOR, NEW_PASSPHRASE).status()).isEqualTo(401);

        kiosk.operatorsUpdate().operatorsChanged(List.of(amal, bilal, chiara()));

        assertThat(client().unlock(NEW_OPERATOR, NEW_PASSPHRASE).status()).isEqualTo(200);
    }

    @Test
    void aResetPassphraseReplacesTheOldOne() throws Exception {
        OperatorRecord reset = TestDeployment.operator(TestDeployment.SECOND_OPERATOR, Role.RECEPTION,
                "a brand new passphrase");
        kiosk.operatorsUpdate().operatorsChanged(List.of(amal, reset));

        assertThat(client().unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE).status())
                .isEqualTo(401);
        assertThat(client().unlock(TestDeployment.SECOND_OPERATOR, "a brand new passphrase").status())
                .isEqualTo(200);
    }

    @Test
    void aRestartKeepsTheNewList() throws Exception {
        kiosk.operatorsUpdate().operatorsChanged(List.of(amal, chiara()));
        kiosk.close();

        kiosk = startKiosk();

        assertThat(client().unlock(NEW_OPERATOR, NEW_PASSPHRASE).status()).isEqualTo(200);
        assertThat(client().unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE).status())
                .isEqualTo(401);
    }

    @Test
    void aNewOperatorGetsTheLocalKeyWhenUnlockingDuringAColleaguesShift() throws Exception {
        KioskClient colleague = client();
        colleague.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
        String code = colleague.post("/api/households", Households.nourhan()).body().path("token").path("code")
                .asText();
        colleague.delete("/api/session");
        kiosk.operatorsUpdate().operatorsChanged(List.of(amal, chiara()));

        KioskClient alone = client();
        alone.unlock(NEW_OPERATOR, NEW_PASSPHRASE);
        assertThat(alone.get("/api/households/" + code).body().path("localCopy").asText())
                .as("nobody's shift holds the key, so it cannot be wrapped for her yet").isEqualTo("NO_KEY");
        alone.delete("/api/session");

        colleague.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
        client().unlock(NEW_OPERATOR, NEW_PASSPHRASE);
        colleague.delete("/api/session");

        KioskClient later = client();
        later.unlock(NEW_OPERATOR, NEW_PASSPHRASE);
        assertThat(later.get("/api/households/" + code).body().path("localCopy").asText())
                .as("her own wrap opens the key, with no colleague's shift open").isEqualTo("OPENED");
    }
}
