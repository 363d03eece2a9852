package org.threshold.core.search;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threshold.core.i18n.Digits;

/**
 * Turns a name into the words the blind index keys, so that the same name written in different
 * scripts meets: Unicode NFKC, Eastern Arabic and Persian digits folded to ASCII, Arabic letter
 * variants unified (hamza seats, alef maqsura, teh marbuta, harakat, tatweel), full case folding,
 * then ICU's {@code Any-Latin; Latin-ASCII} transliteration. Each word yields two terms:
 * <ul>
 *   <li>{@code w:<latin word>}: "Амина", "አሚና" and "Amina" all give {@code w:amina};</li>
 *   <li>{@code s:<consonant skeleton>}: vowels and glides dropped and doubled letters merged, because
 *       Arabic script writes few vowels: "أمينة" gives {@code amyn}, whose skeleton {@code mn} is also
 *       that of "Amina". Words starting with the Arabic article also index the rest ("Al-Zoubi",
 *       "الزعبي").</li>
 * </ul>
 * A search word matches a household if any of its terms does; skeletons match loosely on purpose, and
 * the operator sees the opened records before choosing. The terms are only ever stored as keyed HMACs.
 * Thread-safe.
 */
public final class NameTerms {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    // A transliterator instance must not be shared between threads: one per thread lets the hub's projector open
    // households on every core instead of queueing on one lock (ICU still guards each shared rule set itself).
    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final int MAX_WORDS = 16;

    private NameTerms() {
    }

    /** Loads ICU's transliteration rules (about 0.25 s) so the first registration does not wait for them. */
    public static void warmUp() {
        latinWords("warm up");
    }

    /** The terms of every word in {@code name}, for indexing. */
    public static Set<String> forIndex(String name) {
        return forIndex(latinWords(name));
    }

    /** {@link #forIndex(String)} of a name already turned into {@link #latinWords}. */
    public static Set<String> forIndex(List<String> latinWords) {
        Set<String> terms = new LinkedHashSet<>();
        termsPerWord(latinWords).forEach(terms::addAll);
        return terms;
    }

    /** The terms of each word of a search, in order; a household must match every word. */
    public static List<Set<String>> termsPerWord(String text) {
        if (text == null) {
            return new ArrayList<>();
        }
        return termsPerWord(latinWords(text));
    }

    private static List<Set<String>> termsPerWord(List<String> latinWords) {
        List<Set<String>> perWord = new ArrayList<>();
        for (String word : latinWords) {
            if (perWord.size() == MAX_WORDS) {
                break;
            }
            Set<String> terms = new LinkedHashSet<>();
            terms.add("w:" + word);
            addSkeleton(terms, word);
            if (word.length() > 4 && (word.startsWith("al") || word.startsWith("el"))) {
                terms.add("w:" + word.substring(2));
                addSkeleton(terms, word.substring(2));
            }
            perWord.add(terms);
        }
        return perWord;
    }

    /**
     * The duplicate check's key for one person: {@code d:<skeletons of the name's words, sorted>:<birth year>}, so
     * "نورهان الزعبي" born in 1990 and "Nourhan Al-Zoubi" born in 1990 give the same key. The Arabic article is
     * dropped (a separate "al" word, or "al"/"el" before a longer word). Empty if the name has no letters.
     */
    public static Optional<String> duplicateKey(String name, int birthYear) {
        return duplicateKey(latinWords(name), birthYear);
    }

    /** {@link #duplicateKey(String, int)} of a name already turned into {@link #latinWords}. */
    public static Optional<String> duplicateKey(List<String> latinWords, int birthYear) {
        List<String> skeletons = new ArrayList<>();
        for (String word : latinWords) {
            if (word.equals("al") || word.equals("el")) {
                continue;
            }
            String bare = word.length() > 4 && (word.startsWith("al") || word.startsWith("el")) ? word.substring(2) : word;
            Set<String> skeleton = new LinkedHashSet<>();
            addSkeleton(skeleton, bare);
            skeleton.forEach(term -> skeletons.add(term.substring(2)));
        }
        if (skeletons.isEmpty()) {
            return Optional.empty();
        }
        skeletons.sort(null);
        return Optional.of("d:" + String.join(".", skeletons) + ":" + birthYear);
    }

    /** The name as lower-case ASCII words; public for tests and the seizure test's transliterated canaries. */
    public static List<String> latinWords(String text) {
        String latin = TO_LATIN.get().transliterate(UCharacter.foldCase(arabicVariants(Digits.toAscii(
                NFKC.normalize(text))), true));
        latin = UCharacter.foldCase(latin, true);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (isApostrophe(c)) {
                continue; // ʿ, ʾ and ' inside a word (transliterated ayin, hamza, glottal stop) do not split it
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u02BE' || c == '\u02BF' || c == '`';
    }

    private static void addSkeleton(Set<String> terms, String word) {
        StringBuilder skeleton = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) {
                continue;
            }
            if (skeleton.length() == 0 || skeleton.charAt(skeleton.length() - 1) != c) {
                skeleton.append(c);
            }
        }
        if (skeleton.length() > 0) {
            terms.add("s:" + skeleton);
        }
    }

    private static String arabicVariants(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671' -> out.append('\u0627'); // alef with hamza/madda/wasla
                case '\u0649', '\u0626', '\u06CC' -> out.append('\u064A');           // alef maqsura, yeh variants
                case '\u0624' -> out.append('\u0648');                                // waw with hamza
                case '\u06A9' -> out.append('\u0643');                                // Persian keheh
                case '\u0629', '\u0640', '\u0621' -> { }                          // teh marbuta, tatweel, hamza
                default -> {
                    if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670') {
                        continue; // harakat
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
