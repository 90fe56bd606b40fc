package dev.serialtrace.core.identify.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A product's rule for its manufacturer serials. Every broken part is reported, not only the
 * first, so a capture exception shows the whole picture.
 *
 * @param charsetClass a regex character class every character must match, e.g. {@code [A-Z0-9]}
 * @param pattern      optional regex the whole serial must match (null for none)
 */
public record FormatRule(int minLength, int maxLength, String charsetClass, String pattern,
                         CheckScheme checkScheme, CasePolicy casePolicy) {

    public FormatRule {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("bad length bounds " + minLength + ".." + maxLength);
        }
        Objects.requireNonNull(charsetClass);
        Objects.requireNonNull(checkScheme);
        Objects.requireNonNull(casePolicy);
        Pattern.compile(charsetClass);
        if (pattern != null) {
            Pattern.compile(pattern);
        }
    }

    /** The violations of this rule by {@code serial}; empty when it conforms. */
    public List<RuleViolation> check(String serial) {
        List<RuleViolation> out = new ArrayList<>();
        String s = serial;
        if (casePolicy == CasePolicy.INSENSITIVE) {
            s = s.toUpperCase(Locale.ROOT);
        } else if (casePolicy == CasePolicy.UPPER && !s.equals(s.toUpperCase(Locale.ROOT))) {
            out.add(new RuleViolation(RuleViolation.Part.CASE, "must be upper case"));
        }
        if (s.length() < minLength || s.length() > maxLength) {
            String range = minLength == maxLength ? String.valueOf(minLength) : minLength + "–" + maxLength;
            out.add(new RuleViolation(RuleViolation.Part.LENGTH,
                    "length " + s.length() + ", expected " + range));
        }
        Pattern allowed = Pattern.compile(charsetClass);
        for (int i = 0; i < s.length(); i++) {
            if (!allowed.matcher(String.valueOf(s.charAt(i))).matches()) {
                out.add(new RuleViolation(RuleViolation.Part.CHARSET,
                        "character '" + s.charAt(i) + "' at position " + i + " is not in " + charsetClass));
                break;
            }
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(s).matches()) {
            out.add(new RuleViolation(RuleViolation.Part.PATTERN, "does not match " + pattern));
        }
        if (!checkScheme.isValid(s)) {
            out.add(new RuleViolation(RuleViolation.Part.CHECK, "check character fails " + checkScheme.code()));
        }
        return out;
    }
}
