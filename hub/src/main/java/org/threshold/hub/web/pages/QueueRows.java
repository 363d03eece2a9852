package org.threshold.hub.web.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threshold.core.i18n.Messages;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.VisiblePerson;
import org.threshold.hub.app.access.ReferralView;

/**
 * Referrals as the queue and referral pages word them, in the user's language: what the {@link
 * org.threshold.hub.app.access.AccessPolicy} let through ({@link ReferralView}), nothing more. Service names and
 * urgencies are the kiosk's words for them (kiosk-ui), statuses and the rest hub-ui's.
 */
public final class QueueRows {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Frame frame;
    private final Messages words;

    QueueRows(Frame frame) {
        this.frame = frame;
        this.words = Wording.bundle(Messages.KIOSK_UI, frame.ui().locale());
    }

    /** One referral in a queue: its household's card, the referred people the service may see, and its clock. */
    public record Row(String id, String token, String service, List<String> people, List<String> needs,
                      String urgency, String due, String status, boolean open, String overdue) {
    }

    /** How many referrals are in one status. */
    public record Count(String status, String label, long count) {
    }

    Row row(ReferralView view, Instant now) {
        var referral = view.referral();
        List<String> people = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        for (VisiblePerson person : view.visible().people()) {
            String name = join(person.givenName(), person.familyName());
            if (!name.isEmpty()) {
                people.add(name);
            }
            person.needs().stream().filter(code -> !needs.contains(code)).forEach(needs::add);
        }
        String due = TIME.format(referral.dueAt());
        String urgency = urgency(referral.urgency().wireName());
        String overdue = null;
        if (view.overdue()) {
            Duration late = Duration.between(referral.dueAt(), now);
            overdue = frame.text("queue.overdue", Map.of("hours", late.toHours(), "minutes", late.toMinutesPart(),
                    "due", due, "urgency", urgency));
        }
        return new Row(referral.referralId().toString(), view.household().tokenId().shortCode(),
                service(referral.service()), people, needs, urgency, due, view.suspended() ? frame.text("queue.suspended", Map.of("status",
                status(referral.status()))) : status(referral.status()), referral.status().open(), overdue);
    }

    /** Every status, in the lifecycle's order, with how many referrals are in it (zero included). */
    List<Count> counts(Map<ReferralStatus, Long> counts) {
        Map<ReferralStatus, Long> all = new LinkedHashMap<>();
        for (ReferralStatus status : ReferralStatus.values()) {
            all.put(status, counts.getOrDefault(status, 0L));
        }
        return all.entrySet().stream().map(entry -> new Count(entry.getKey().name(), status(entry.getKey()),
                entry.getValue())).toList();
    }

    String service(String id) {
        String key = "service." + id;
        return words.has(key) ? Wording.fixed(words, key) : id;
    }

    String status(ReferralStatus status) {
        return frame.text("status." + status.name());
    }


    String time(Instant instant) {
        return TIME.format(instant);
    }

    private String urgency(String wireName) {
        return Wording.fixed(words, "referrals.urgency." + wireName);
    }

    private static String join(String given, String family) {
        String first = given == null ? "" : given;
        String last = family == null ? "" : family;
        return (first + " " + last).strip();
    }
}
