package org.threshold.kiosk.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.threshold.core.testing.Chromium;

/**
 * axe-core, the accessibility engine, from the npm registry (installed under target/ with the machine's npm
 * on first use), injected into the page under test. Only the test loads it; the kiosk never serves it.
 */
final class Axe {
    static final String VERSION = "4.14.1";
    private static final Path HOME = Path.of("target", "axe");
    private static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** axe-core, or why it could not be had. */
    static Axe load() throws IOException {
        if (!Files.exists(SCRIPT)) {
            Files.createDirectories(HOME);
            boolean installed = Chromium.run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund",
                    "--prefix", HOME.toAbsolutePath().toString(), "axe-core@" + VERSION));
            if (!installed || !Files.exists(SCRIPT)) {
                throw new IOException("axe-core " + VERSION + " could not be installed with npm into " + HOME
                        + "; run `npm install --prefix kiosk/target/axe axe-core@" + VERSION + "`");
            }
        }
        return new Axe(Files.readString(SCRIPT));
    }

    /** The serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
    List<String> seriousViolations(JavascriptExecutor page) {
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe !== 'undefined'"))) {
            page.executeScript(source);
        }
        Object result = page.executeAsyncScript(RUN);
        List<String> violations = new ArrayList<>();
        if (result instanceof List<?> list) {
            list.forEach(item -> violations.add(String.valueOf(item)));
        }
        return violations;
    }
}
