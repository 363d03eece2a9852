package org.threshold.hub.web.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.threshold.core.i18n.Messages;

/** The language to answer a request in: {@code ?lang=} if given and supported, else its Accept-Language, else English. */
public final class RequestLanguage {
    private RequestLanguage() {
    }

    public static Locale of(Context ctx) {
        return Messages.pick(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }
}
