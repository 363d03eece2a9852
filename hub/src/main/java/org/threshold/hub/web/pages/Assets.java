package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.threshold.hub.web.access.Access;

/**
 * The pages' scripts and style sheet, served from the hub itself ({@code /assets/...}) so the Content-Security-Policy
 * can allow only the hub's own origin and no inline script: htmx and its server-sent-events extension from their
 * webjars, the hub's CSS from its resources. Read once at start; a missing one stops the hub there.
 */
final class Assets {
    /** Address under /assets/ → class-path resource and content type. */
    private static final Map<String, Asset> FILES = Map.of(
            "htmx.min.js", new Asset(webjar("htmx.org", "dist/htmx.min.js"), "text/javascript"),
            "htmx-sse.js", new Asset(webjar("htmx-ext-sse", "sse.js"), "text/javascript"),
            "hub.css", new Asset("org/threshold/hub/web/assets/hub.css", "text/css"));

    private Assets() {
    }

    static void addRoutes(RoutesConfig routes) {
        FILES.forEach((name, asset) -> {
            byte[] bytes = read(asset.resource());
            routes.get("/assets/" + name, ctx -> ctx.contentType(asset.contentType() + "; charset=utf-8")
                    .result(bytes), Access.PUBLIC);
        });
    }

    /** A file in an npm webjar, at the version the build put on the class path (its pom.properties says which). */
    private static String webjar(String artifact, String file) {
        Properties pom = new Properties();
        try {
            pom.load(new ByteArrayInputStream(read("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + file;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The hub's jar lacks " + resource + ": rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(String resource, String contentType) {
    }
}
