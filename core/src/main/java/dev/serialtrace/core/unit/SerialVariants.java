package dev.serialtrace.core.unit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Did you mean" for a serial that is not on file. Capture errors are mostly one slip: a
 * confusable character (0/O, 1/I/L, 5/S, 8/B, 2/Z), two neighbours swapped, one character
 * dropped or one too many. {@link #candidateKeys} lists the folded keys such slips can come from
 * (the database indexes {@code fold_confusables(serial_norm)}); {@link #explain} says, for a
 * serial found that way, what the slip was.
 *
 * <p>All inputs are normalised serials ({@link SerialNormalizer}); positions in reasons are
 * 1-based.
 */
public final class SerialVariants {
    /** Folded alphabet: digits and the letters that fold to nothing else. */
    private static final String FOLDED_ALPHABET = "0123456789ACDEFGHJKMNPQRTUVWXY";
    private static final String CONFUSABLE = "OILSBZ";
    private static final String FOLDED_TO = "011582";
    /** Keys grow with length times alphabet; past this the input is no serial worth guessing. */
    public static final int MAX_LENGTH = 40;

    private SerialVariants() {
    }

    /** Each confusable letter replaced by its digit; mirrors the SQL function {@code fold_confusables}. */
    public static String fold(String serialNorm) {
        char[] c = serialNorm.toCharArray();
        for (int i = 0; i < c.length; i++) {
            int k = CONFUSABLE.indexOf(c[i]);
            if (k >= 0) {
                c[i] = FOLDED_TO.charAt(k);
            }
        }
        return new String(c);
    }

    /**
     * Folded keys of every serial one slip away: the input itself (confusables only), each
     * adjacent swap, each single deletion and each single insertion over the folded alphabet.
     */
    public static List<String> candidateKeys(String serialNorm) {
        String f = fold(serialNorm);
        Set<String> keys = new LinkedHashSet<>();
        if (f.isEmpty() || f.length() > MAX_LENGTH) {
            return List.of();
        }
        keys.add(f);
        for (int i = 0; i + 1 < f.length(); i++) {
            if (f.charAt(i) != f.charAt(i + 1)) {
                keys.add(f.substring(0, i) + f.charAt(i + 1) + f.charAt(i) + f.substring(i + 2));
            }
        }
        if (f.length() > 1) {
            for (int i = 0; i < f.length(); i++) {
                keys.add(f.substring(0, i) + f.substring(i + 1));
            }
        }
        for (int i = 0; i <= f.length(); i++) {
            for (int k = 0; k < FOLDED_ALPHABET.length(); k++) {
                keys.add(f.substring(0, i) + FOLDED_ALPHABET.charAt(k) + f.substring(i));
            }
        }
        return List.copyOf(keys);
    }

    /** What kind of slip turned the real serial into the input; ordered from most to least likely. */
    public enum Slip { CONFUSABLE, TRANSPOSITION, MISSING, EXTRA }

    /**
     * How {@code candidate} (on file) became {@code input} (captured).
     *
     * @param slip  the structural slip, or {@link Slip#CONFUSABLE} when characters were only misread
     * @param edits slips in all: the structural one plus each misread character
     */
    public record Explanation(Slip slip, int edits, String reason) {
    }

    /** Empty when the two are not one structural slip (plus misreads) apart, or are equal. */
    public static Optional<Explanation> explain(String input, String candidate) {
        if (input.equals(candidate)) {
            return Optional.empty();
        }
        String fi = fold(input);
        String fc = fold(candidate);
        String aligned;
        Slip slip;
        String structural;
        if (fi.equals(fc)) {
            aligned = input;
            slip = Slip.CONFUSABLE;
            structural = null;
        } else if (fi.length() == fc.length()) {
            int i = firstDifference(fi, fc);
            if (i + 1 >= fi.length() || !swap(fi, i).equals(fc)) {
                return Optional.empty();
            }
            aligned = swap(input, i);
            slip = Slip.TRANSPOSITION;
            structural = "characters " + (i + 1) + " and " + (i + 2) + " swapped";
        } else if (fi.length() + 1 == fc.length()) {
            int i = firstDifference(fi, fc);
            if (!(fi.substring(0, i) + fc.charAt(i) + fi.substring(i)).equals(fc)) {
                return Optional.empty();
            }
            aligned = input.substring(0, i) + candidate.charAt(i) + input.substring(i);
            slip = Slip.MISSING;
            structural = "'" + candidate.charAt(i) + "' missing at position " + (i + 1);
        } else if (fi.length() == fc.length() + 1) {
            int i = firstDifference(fi, fc);
            if (!(fi.substring(0, i) + fi.substring(i + 1)).equals(fc)) {
                return Optional.empty();
            }
            aligned = input.substring(0, i) + input.substring(i + 1);
            slip = Slip.EXTRA;
            structural = "extra '" + input.charAt(i) + "' at position " + (i + 1);
        } else {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder(structural == null ? "" : structural);
        int edits = structural == null ? 0 : 1;
        for (int k = 0; k < candidate.length(); k++) {
            if (aligned.charAt(k) != candidate.charAt(k)) {
                reason.append(reason.length() == 0 ? "" : "; ")
                        .append(candidate.charAt(k)).append(" read as ").append(aligned.charAt(k))
                        .append(" at position ").append(k + 1);
                edits++;
            }
        }
        return Optional.of(new Explanation(slip, edits, reason.toString()));
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    private static String swap(String s, int i) {
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }
}
