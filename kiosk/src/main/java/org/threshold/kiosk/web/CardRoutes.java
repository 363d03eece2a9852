package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.threshold.kiosk.session.OperatorSessions;

/**
 * {@code GET /cards/{file}}: a card image the simulated printer wrote, for an unlocked session only.
 * Only plain card file names are served, straight from the cards folder, never through a link.
 */
public final class CardRoutes implements RouteGroup {
    private static final Pattern CARD_FILE = Pattern.compile("card-[0-9A-Z]{1,64}\\.png");

    private final Path cardsFolder;
    private final SessionGuard guard;

    public CardRoutes(Path cardsFolder, OperatorSessions sessions) {
        this.cardsFolder = cardsFolder.toAbsolutePath().normalize();
        this.guard = new SessionGuard(sessions);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/cards/{file}", this::card);
    }

    private void card(Context ctx) throws IOException {
        guard.require(ctx);
        String name = ctx.pathParam("file");
        if (!CARD_FILE.matcher(name).matches()) {
            throw ApiException.notFound("cardName");
        }
        Path card = cardsFolder.resolve(name);
        if (!card.getParent().equals(cardsFolder) || !Files.isRegularFile(card, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.notFound("card");
        }
        ctx.contentType("image/png").result(Files.readAllBytes(card));
    }
}
