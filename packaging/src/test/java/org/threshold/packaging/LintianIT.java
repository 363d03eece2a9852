package org.threshold.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Debian's own checker finds no error in either package (warnings are listed in the README). */
class LintianIT {
    @Test
    void lintianFindsNoError() throws Exception {
        assumeTrue(Shell.haveOrInstall("lintian", "lintian"), "lintian is missing and cannot be installed here "
                + "(needs root and apt-get): apt-get install lintian, then run mvn -B verify -pl packaging");
        Shell.Result lintian = Shell.run(Duration.ofMinutes(5), "lintian", "--allow-root", "--no-tag-display-limit",
                DebPackage.built("threshold-hub").file.toString(), DebPackage.built("threshold-kiosk").file.toString());
        assertThat(lintian.output()).as(lintian.output()).doesNotContainPattern("(?m)^E: ");
        // Non-zero: an error tag (lintian fails on errors by default) or lintian itself failed.
        assertThat(lintian.exit()).as(lintian.output()).isZero();
    }
}
