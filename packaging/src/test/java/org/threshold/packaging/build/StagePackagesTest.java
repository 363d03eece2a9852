package org.threshold.packaging.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class StagePackagesTest {
    @Test
    void piFilesPathsMoveToDebiansPlacesAndUnknownOnesAreNotPlaced() {
        assertThat(StagePackages.place("opt/threshold/kiosk/bin/threshold-kiosk"))
                .isEqualTo("usr/share/threshold-kiosk/bin/threshold-kiosk");
        assertThat(StagePackages.place("etc/systemd/system/threshold-kiosk.service"))
                .isEqualTo("usr/lib/systemd/system/threshold-kiosk.service");
        assertThat(StagePackages.place("etc/fstab.d-threshold-data.example"))
                .isEqualTo("usr/share/doc/threshold-kiosk/examples/fstab.d-threshold-data.example");
        assertThat(StagePackages.place("opt/threshold/kiosk-other/x")).isNull();
        assertThat(StagePackages.place("etc/cron.d/threshold")).isNull();
    }

    @Test
    void movedPathsAreRewrittenInTheFilesText() {
        assertThat(StagePackages.rewrite("ExecStart=/opt/threshold/kiosk/bin/threshold-kiosk\n"
                + "see `etc/systemd/system/threshold-kiosk.service`"))
                .isEqualTo("ExecStart=/usr/share/threshold-kiosk/bin/threshold-kiosk\n"
                        + "see `usr/lib/systemd/system/threshold-kiosk.service`");
    }

    @Test
    void changelogsAreGzippedAtBestCompressionWithoutATimeStamp() throws Exception {
        byte[] text = "threshold-hub (0.1.0~SNAPSHOT) unstable; urgency=medium\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        byte[] gzip = StagePackages.gzipBest(text);
        assertThat(gzip[3]).as("no name or other flags").isZero();
        assertThat(new byte[] {gzip[4], gzip[5], gzip[6], gzip[7]}).as("no time stamp").containsOnly(0);
        assertThat(gzip[8]).as("XFL: best compression").isEqualTo((byte) 2);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes()).isEqualTo(text);
    }

    @Test
    void snapshotsSortBeforeTheirRelease() {
        assertThat(StagePackages.debianVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0~SNAPSHOT");
        assertThat(StagePackages.debianVersion("1.2.0")).isEqualTo("1.2.0");
    }
}
