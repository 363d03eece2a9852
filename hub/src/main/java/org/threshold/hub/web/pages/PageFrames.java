package org.threshold.hub.web.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.threshold.core.i18n.Messages;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.RequestLanguage;
import org.threshold.hub.web.pages.Frame.Banner;

/**
 * Makes the {@link Frame} of each page: the language picked as the API picks it ({@code ?lang=}, then
 * Accept-Language), the signed-in user the route guard let in, the navigation for their role and the banners every
 * banner source has for them (break-the-glass adds one, so its mark is on every page).
 */
public final class PageFrames {
    private final boolean demoMode;
    private final List<BiFunction<SignedInUser, Messages, List<Banner>>> bannerSources = new ArrayList<>();

    public PageFrames(boolean demoMode) {
        this.demoMode = demoMode;
    }

    /** Adds a source of banners shown on every signed-in page; call while wiring the server, before it serves. */
    public void addBanners(BiFunction<SignedInUser, Messages, List<Banner>> source) {
        bannerSources.add(source);
    }

    /** The frame of a page behind an account role: {@code titleKey} is the hub-ui key of its title. */
    public Frame signedIn(Context ctx, String titleKey) {
        SignedInUser user = RouteGuard.user(ctx);
        Messages ui = ui(ctx);
        List<Banner> banners = new ArrayList<>();
        bannerSources.forEach(source -> banners.addAll(source.apply(user, ui)));
        return new Frame(ui, Wording.fixed(ui, titleKey), user, demoMode, Navigation.forRole(user.role()), banners);
    }

    /** The frame of a page anyone may see (signing in): no user, no navigation. */
    public Frame anonymous(Context ctx, String titleKey) {
        Messages ui = ui(ctx);
        return new Frame(ui, Wording.fixed(ui, titleKey), null, demoMode, List.of(), List.of());
    }

    /** The frame of an error page drawn outside any handler (an unknown address, Jetty's own errors): nobody signed in. */
    Frame error(Locale language) {
        Messages ui = Wording.bundle(Messages.HUB_UI, language);
        return new Frame(ui, Wording.fixed(ui, "error.title"), null, demoMode, List.of(), List.of());
    }

    public static Messages ui(Context ctx) {
        return Wording.bundle(Messages.HUB_UI, RequestLanguage.of(ctx));
    }
}
