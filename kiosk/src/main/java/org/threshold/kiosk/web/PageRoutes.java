package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The kiosk page: one HTML file, one script, one style sheet, from the classpath; nothing from a CDN. */
public final class PageRoutes implements RouteGroup {
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/kiosk.js", "kiosk.js",
            "/kiosk.css", "kiosk.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    @Override
    public void addTo(RoutesConfig routes) {
        FILES.forEach((path, file) -> {
            byte[] content = load(file);
            String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
            routes.get(path, ctx -> ctx.contentType(type).result(content));
        });
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
