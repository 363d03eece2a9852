package org.threshold.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.core.i18n.BundleCheck;

/** Every message bundle on the kiosk's class path (core's and any the kiosk adds) is complete in every language. */
class KioskBundlesTest {
    @Test
    void every_bundle_the_kiosk_serves_is_complete() {
        assertThat(BundleCheck.problems(BundleCheck.discover())).isEmpty();
    }
}
