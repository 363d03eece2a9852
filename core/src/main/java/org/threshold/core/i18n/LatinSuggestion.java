package org.threshold.core.i18n;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

/**
 * A Latin spelling to suggest for a name typed in its original script (ICU {@code Any-Latin; Latin-ASCII}, each
 * word capitalised): "Амина" gives "Amina", "نورهان" gives "Nwrhan". Scripts that write few vowels come out
 * bare, so the operator edits the suggestion before accepting it. Thread-safe.
 */
public final class LatinSuggestion {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private LatinSuggestion() {
    }

    public static String of(String name) {
        String latin;
        synchronized (TO_LATIN) {
            latin = TO_LATIN.transliterate(Digits.toAscii(NFKC.normalize(name.strip())));
        }
        // Transliterated ayin and hamza come out as apostrophes; a suggestion reads better without them inside words.
        latin = latin.replaceAll("(?<=\\p{L})['\u02BF\u02BE`](?=\\p{L})", "").replaceAll("\\s+", " ");
        return UCharacter.toTitleCase(ULocale.ROOT, latin.toLowerCase(java.util.Locale.ROOT),
                BreakIterator.getWordInstance(ULocale.ROOT), UCharacter.TITLECASE_NO_LOWERCASE);
    }
}
