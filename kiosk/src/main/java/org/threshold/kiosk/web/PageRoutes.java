package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.threshold.core.i18n.Messages;

/**
 * The kiosk page: one HTML file, a style sheet and a few ES modules served as they are, from the classpath
 * (no build step, nothing from a CDN); and {@code GET /api/languages}, the interface languages for the picker, each
 * named in itself. The page's text comes from the {@code kiosk-ui} bundle ({@code GET /api/messages/kiosk-ui}).
 */
public final class PageRoutes implements RouteGroup {
    private static final List<String> MODULES = List.of("main", "api", "i18n", "dom", "status", "keyboard", "scanner",
            "flow", "needs", "household-view", "actions");
    private static final String LANGUAGE_NAME = "language.self";

    record Language(String code, String name, String dir) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        serve(routes, "/", "index.html", "text/html; charset=utf-8");
        serve(routes, "/kiosk.css", "kiosk.css", "text/css; charset=utf-8");
        MODULES.forEach(module -> serve(routes, "/js/" + module + ".js", "js/" + module + ".js",
                "text/javascript; charset=utf-8"));
        List<Language> languages = Messages.SUPPORTED.stream().map(locale -> Messages.of(Messages.KIOSK_UI, locale))
                .map(bundle -> new Language(bundle.locale().getLanguage(), bundle.format(LANGUAGE_NAME),
                        bundle.rightToLeft() ? "rtl" : "ltr"))
                .toList();
        routes.get("/api/languages", ctx -> ctx.json(languages));
    }

    private static void serve(RoutesConfig routes, String path, String file, String type) {
        byte[] content = load(file);
        routes.get(path, ctx -> ctx.contentType(type).result(content));
    }

    private static byte[] load(String file) {
        try (InputStream in = PageRoutes.class.getResourceAsStream("page/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The kiosk page file " + file + " is missing from the kiosk jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the kiosk page file " + file, e);
        }
    }
}
