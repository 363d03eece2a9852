package org.threshold.hub.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The hub's jte templates (hub/src/main/jte), compiled to classes by the build (jte-maven-plugin), so the running
 * hub loads classes and needs no compiler. Output is HTML-escaped by jte unless a template says otherwise.
 */
public final class Templates {
    /** Where the build puts the template classes (the plugin's packageName in hub/pom.xml). */
    static final String PACKAGE = "org.threshold.hub.web.pages.templates";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            PACKAGE);

    private Templates() {
    }

    /** {@code template} (e.g. {@code "account.jte"}) with its parameters by name, as a string. */
    public static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }

    /**
     * Answers {@code ctx} with the page, as UTF-8 HTML, encoded as it is rendered: no String of the page between (a
     * page in Arabic or Ukrainian made the String's builder widen to two bytes a character, then encode again).
     */
    public static void render(Context ctx, String template, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toByteArray());
    }
}
