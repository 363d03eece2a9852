package org.threshold.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which counts of a {@link Publication} are published.
 *
 * <ol>
 *   <li><b>Primary:</b> every count from 1 to {@code threshold - 1} is suppressed (the {@link SmallCells} rule),
 *       totals as well as cells.</li>
 *   <li><b>Secondary:</b> the published counts and the sums make a linear system in the suppressed counts; a
 *       suppressed count is given back exactly when every solution agrees on it, and no small one may be. The sums
 *       split into independent systems ({@link SumComponents}); each is protected alone. A system whose every count
 *       is in at most two sums (a table with its margins, tables linked by a shared margin) is a graph, and there
 *       a count is given back exactly when it is a bridge ({@link SumNetwork}, near-linear time); any other
 *       system is protected by dense elimination ({@link DenseProtection}). Both suppress further non-zero counts,
 *       the smallest they can, until no small count can be worked out.</li>
 * </ol>
 *
 * <p><b>Zeros</b> are published and never chosen to hide another count. A zero names nobody, and many zeros are
 * known anyway (a site that was closed that day), so a suppressed zero would protect nothing; as a consequence a
 * suppressed count is known to be at least 1, which the suppression itself says anyway ("fewer than the
 * threshold", or a complement, which is larger). Only exact values are protected: the sums may still bound a
 * suppressed count (two suppressed cells adding up to 7), as in every published table with margins.
 *
 * <p>Pure and deterministic: the same publication always gives the same result, so every export of the same
 * figures suppresses the same counts and two exports cannot be played against each other.
 */
public final class Suppression {
    private final SmallCells rule;

    public Suppression(SmallCells rule) {
        this.rule = rule;
    }

    public SmallCells rule() {
        return rule;
    }

    /** What of {@code publication} may be published. */
    public Suppressed apply(Publication publication) {
        List<String> keys = publication.keys();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        long[] values = new long[keys.size()];
        boolean[] hidden = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            values[i] = publication.value(keys.get(i));
            hidden[i] = rule.isSmall(values[i]);
        }
        List<int[]> sums = new ArrayList<>();
        for (Publication.Sum sum : publication.sums()) {
            // The total first, then the parts.
            int[] members = new int[sum.parts().size() + 1];
            members[0] = index.get(sum.total());
            for (int p = 0; p < sum.parts().size(); p++) {
                members[p + 1] = index.get(sum.parts().get(p));
            }
            sums.add(members);
        }
        for (SumComponents.Component component : SumComponents.of(keys.size(), sums)) {
            SumNetwork.of(component, sums, keys.size()).ifPresentOrElse(
                    network -> network.protect(values, hidden, rule),
                    () -> new DenseProtection(rule).protect(component, sums, values, hidden));
        }
        Map<String, Long> published = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!hidden[i]) {
                published.put(keys.get(i), values[i]);
            }
        }
        return new Suppressed(rule, publication.counts().keySet(), published);
    }
}
