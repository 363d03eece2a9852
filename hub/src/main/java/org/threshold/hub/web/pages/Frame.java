package org.threshold.hub.web.pages;

import java.util.List;
import java.util.Map;
import org.threshold.core.i18n.Messages;
import org.threshold.hub.app.account.SignedInUser;

/**
 * What the layout ({@code layout.jte}) needs of every page: the language (its {@code lang} and, for Arabic and Persian,
 * {@code dir="rtl"}), the page's title, who is signed in (null on the sign-in and error pages), the navigation for
 * their role, and the banners to show above the page. Templates take their texts from {@link #text}: every word on a
 * page comes from the hub-ui bundle in the user's language.
 */
public record Frame(Messages ui, String title, SignedInUser user, boolean demoMode, List<NavLink> nav,
                    List<Banner> banners) {
    public Frame {
        nav = List.copyOf(nav);
        banners = List.copyOf(banners);
    }

    /** The text of {@code key} in the page's language (worded once per language: {@link Wording}). */
    public String text(String key) {
        return Wording.fixed(ui, key);
    }

    /** The text of {@code key} with {@code args} filled in (compiled once per language and thread: {@link Wording}). */
    public String text(String key, Map<String, ?> args) {
        return Wording.compiled(ui, key).format(args);
    }

    public String lang() {
        return ui.locale().toLanguageTag();
    }

    /** {@code rtl} for right-to-left languages, else null, which jte leaves out of the tag. */
    public String dir() {
        return ui.rightToLeft() ? "rtl" : null;
    }

    /** A link in the navigation bar; {@code label} is a hub-ui key. */
    public record NavLink(String href, String label) {
    }

    /**
     * A line above every page, e.g. that the user has broken the glass. {@code text} is already in the user's
     * language; {@code alert} makes it an ARIA alert with the warning style, otherwise it is a plain note.
     */
    public record Banner(String text, boolean alert) {
    }
}
