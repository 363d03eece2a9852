package org.threshold.hub.web.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threshold.core.i18n.Messages;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.VisiblePerson;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.account.Role;

/**
 * The scan page ({@code scan.jte}) and the people table it shares with the referral page ({@code members.jte}): the
 * forms, and what the access policy let the signed-in user see of the
 * household it found, worded in the user's language. Need codes the policy hides (and any code the catalogue does not
 * know) show only as "protected need"; a caseworker's scan of a household without referrals to their services shows
 * that, and nothing personal.
 */
public final class LookupPage {
    private final NeedsCatalogue catalogue;
    private final Frame frame;
    /** Sex and relationship words, shared with the kiosk. */
    private final Messages words;
    private final Messages needLabels;

    LookupPage(NeedsCatalogue catalogue, Frame frame) {
        this.catalogue = catalogue;
        this.frame = frame;
        Locale locale = frame.ui().locale();
        this.words = Messages.of(Messages.KIOSK_UI, locale);
        this.needLabels = Messages.of(Messages.CATALOGUE, locale);
    }

    void form(Context ctx, String typed) {
        Templates.render(ctx, "scan.jte", Map.of("frame", frame, "typed", typed));
    }

    /** @param hints codes the user may have meant (see TypoHints), shown as links */
    void problem(Context ctx, String typed, String message, List<String> hints) {
        Templates.render(ctx, "scan.jte", Map.of("frame", frame, "typed", typed, "problem", message, "hints", hints));
    }

    void result(Context ctx, String typed, HouseholdView view) {
        result(ctx, typed, view, null);
    }

    /** @param notice what the user's action just did, in their language; null for none */
    void result(Context ctx, String typed, HouseholdView view, String notice) {
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame, "typed", typed, "household", view.record()));
        if (notice != null) {
            params.put("notice", notice);
        }
        List<Member> members = members(view);
        if (members != null) {
            params.put("members", members);
        }
        if (view instanceof HouseholdView.Visible visible) {
            putGlassBreak(params, visible);
            // Offered to the role whose route it is (POST /lookup/consent still decides).
            params.put("canWithdrawConsent", frame.user().role() == Role.PROTECTION_OFFICER);
        }
        if (view instanceof HouseholdView.Referrals theirs) {
            // The caseworker's referrals of this household, each a link to its page where they act on it.
            QueueRows words = new QueueRows(frame);
            params.put("referrals", theirs.referrals().stream().map(referral -> new ReferralLink(
                    referral.referral().referralId().toString(), words.service(referral.referral().service()),
                    words.status(referral.referral().status()))).toList());
        }
        Templates.render(ctx, "scan.jte", params);
    }

    /**
     * The rows of people {@code view} lets through: the household's, or (a caseworker's) the people of their
     * services' referrals, each as its service may see them; null for a household they may see nothing of.
     */
    List<Member> members(HouseholdView view) {
        if (view instanceof HouseholdView.Visible visible) {
            return visible.household().people().stream()
                    .map(person -> member(person, visible.withheldCodes().get(person.member()))).toList();
        }
        if (view instanceof HouseholdView.Referrals theirs) {
            return members(theirs.referrals().stream().flatMap(referral -> referral.visible().people().stream())
                    .toList());
        }
        return null;
    }

    /** The rows of people a referral's field profile let through (it hides codes; none is "protected"). */
    List<Member> members(List<VisiblePerson> people) {
        return people.stream().map(person -> member(person, 0)).toList();
    }

    /**
     * A household a glass-break opened is marked with it; a protection officer who sees codes withheld is offered the
     * form that breaks the glass (the route still decides who may post it).
     */
    private void putGlassBreak(Map<String, Object> params, HouseholdView.Visible visible) {
        visible.glassBreak().ifPresentOrElse(grant -> params.put("glassBreakNote", frame.text("lookup.glassBreak.open",
                Map.of("until", grant.until().toString(), "reason", grant.reason()))), () -> {
            boolean withheld = visible.withheldCodes().stream().anyMatch(count -> count > 0);
            params.put("canBreakGlass", withheld && frame.user().role() == Role.PROTECTION_OFFICER);
        });
    }

    /** One of a caseworker's referrals on their scan: its page, its service and status in the user's words. */
    public record ReferralLink(String id, String service, String status) {
    }

    /** One row of the members table, as text. */
    public record Member(String name, String latin, String sex, String birth, String nationality,
                         String relationship, List<String> needs, boolean protectedNeed) {
    }

    private Member member(VisiblePerson person, Integer withheld) {
        List<String> shown = new ArrayList<>();
        boolean anyProtected = withheld != null && withheld > 0;
        for (String code : person.needs()) {
            if (catalogue.find(code).isEmpty() || !needLabels.has(code)) {
                anyProtected = true;
            } else {
                shown.add(code + " " + needLabels.format(code));
            }
        }
        return new Member(join(person.givenName(), person.familyName()),
                join(person.givenNameLatin(), person.familyNameLatin()),
                words.format("sex." + (person.sex() == null ? "UNKNOWN" : person.sex().name())), birth(person),
                text(person.nationality()),
                person.relationship() == null ? "" : words.format("relationship." + person.relationship().name()),
                shown, anyProtected);
    }

    private String birth(VisiblePerson person) {
        boolean estimated = Boolean.TRUE.equals(person.birthDateEstimated());
        if (person.birthDate() != null) {
            return estimated ? frame.text("lookup.birthEstimated", Map.of("date", person.birthDate().toString()))
                    : person.birthDate().toString();
        }
        if (person.ageEstimate() != null) {
            return frame.text("lookup.ageEstimated", Map.of("age", person.ageEstimate()));
        }
        return frame.text("lookup.birthUnknown");
    }

    private static String join(String given, String family) {
        return text(family).isEmpty() ? text(given) : text(given) + " " + family;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
