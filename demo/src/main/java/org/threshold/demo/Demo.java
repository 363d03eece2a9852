package org.threshold.demo;

import java.util.concurrent.CountDownLatch;
import org.threshold.hub.HubStartupException;

/** The README's run command: a hub and a kiosk on 127.0.0.1, ready to register, until stopped. */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunningDemo demo;
        try {
            demo = RunningDemo.start(options.dataDir(), options.hubPort(), options.kioskPort(), options.database());
        } catch (HubStartupException e) {
            // Says what to do (an unreachable database, a wrong password...): a stack trace would bury it.
            System.err.println("demo: the hub did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "demo-shutdown"));
        System.out.println("Demo mode: throwaway keys, simulated printer. Kiosk operators " + RunningDemo.OPERATOR
                + " (reception) and " + RunningDemo.SUPERVISOR + " (supervisor) / " + RunningDemo.OPERATOR_PASSPHRASE
                + ", hub accounts " + RunningDemo.ADMIN + " (administrator), " + RunningDemo.PROTECTION_OFFICER
                + " (protection officer), cw-health, cw-child, cw-gbv, cw-legal, supervisor-health and dpo / "
                + RunningDemo.ADMIN_PASSWORD + ". Stop with Ctrl-C; run again with --data " + options.dataDir()
                + " to resume.");
        System.out.println("Try a backup while it runs: java -cp demo/target/threshold-demo.jar "
                + "org.threshold.provisioning.ProvisionCommand backup --hub " + options.dataDir().resolve("hub")
                + " --out /tmp/demo-backup.tbk; restore it with restore --hub NEW_FOLDER --in /tmp/demo-backup.tbk "
                + "--backup-key " + options.dataDir().resolve(RunningDemo.BACKUP_KEY) + " (demo only: a real backup "
                + "key is kept offline).");
        System.out.println(demo.readyLine());
        System.out.flush();
        stopped.await();
    }
}
