package org.threshold.kiosk.web;

import io.javalin.http.Context;
import java.util.Locale;
import org.threshold.core.i18n.Messages;

/** The language of an answer: {@code ?lang=xx} if given and supported, else {@code Accept-Language}, else English. */
final class Languages {
    private Languages() {
    }

    static Locale of(Context ctx) {
        return Messages.pick(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    static Messages errors(Context ctx) {
        return Messages.of(Messages.ERRORS, of(ctx));
    }
}
