package org.threshold.hub.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEveryCharacterThatCouldEndTextOrAnAttribute() {
        assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void leavesOtherScriptsAsTheyAre() {
        assertThat(Html.escape("نورهان ሰላም")).isEqualTo("نورهان ሰላም");
    }

    @Test
    void nothingBecomesEmpty() {
        assertThat(Html.escape(null)).isEmpty();
    }
}
