package org.threshold.core.needs;

import java.util.Locale;
import org.threshold.core.i18n.Messages;

/**
 * Specific-needs labels in the user's language, from the {@code catalogue} bundle keyed by code. A code the
 * bundle does not know (a newer catalogue from the hub) keeps the catalogue's English label.
 */
public final class NeedLabels {
    private final Messages messages;

    /** @param drafted the translation was machine-drafted and awaits a translator's review */
    public record Label(String text, boolean drafted) {
    }

    private NeedLabels(Messages messages) {
        this.messages = messages;
    }

    public static NeedLabels in(Locale locale) {
        return new NeedLabels(Messages.of(Messages.CATALOGUE, locale));
    }

    public Label of(SpecificNeed need) {
        if (!messages.has(need.code())) {
            return new Label(need.label(), false);
        }
        return new Label(messages.format(need.code()), messages.drafted(need.code()));
    }
}
