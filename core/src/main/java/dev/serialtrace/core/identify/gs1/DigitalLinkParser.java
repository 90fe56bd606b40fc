package dev.serialtrace.core.identify.gs1;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a GS1 Digital Link URI on any host, following the GS1 Syntax Engine: the scheme is http or
 * https in all-lower or all-upper case; the path is searched from the right for the primary key
 * (anything before it is the resolver's own stem); key qualifiers must follow the dictionary's
 * {@code dlpkey=} order; query parameters that are AIs must be permitted data attributes, while
 * non-numeric parameters and the fragment are ignored. Zero-suppressed GTINs are accepted only in
 * the query (as the engine does by default).
 */
public final class DigitalLinkParser {
    private static final String URI_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
    private static final String DOMAIN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.:[]";

    private static final List<String> SCHEMES = List.of("https://", "HTTPS://", "http://", "HTTP://");

    private final LocalDate reference;

    public DigitalLinkParser(LocalDate reference) {
        this.reference = reference;
    }

    /** True when {@code s} at {@code start} begins with a scheme this parser reads (any case). */
    public static boolean looksLikeOne(String s, int start) {
        String head = s.substring(start, Math.min(s.length(), start + 8)).toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("http://") || head.startsWith("https://");
    }

    /** True when {@code s} at {@code start} begins with a scheme in a spelling the engine accepts. */
    public static boolean hasScheme(String s, int start) {
        for (String scheme : SCHEMES) {
            if (s.startsWith(scheme, start)) {
                return true;
            }
        }
        return false;
    }

    public List<ParsedAi> parse(String raw, int start) {
        for (int i = start; i < raw.length(); i++) {
            if (URI_CHARS.indexOf(raw.charAt(i)) < 0) {
                throw new Gs1SyntaxException("character not allowed in a URI", i, null);
            }
        }
        int p = schemeEnd(raw, start);
        int slash = raw.indexOf('/', p);
        if (slash < 0 || slash == p) {
            throw new Gs1SyntaxException("URI has no domain or no path", p, null);
        }
        for (int i = p; i < slash; i++) {
            if (DOMAIN_CHARS.indexOf(raw.charAt(i)) < 0) {
                throw new Gs1SyntaxException("character not allowed in the domain", i, null);
            }
        }
        int end = raw.indexOf('#', slash);
        end = end < 0 ? raw.length() : end;
        int q = raw.indexOf('?', slash);
        int pathEnd = q < 0 || q > end ? end : q;

        List<int[]> segments = segments(raw, slash, pathEnd);
        int key = findKey(raw, segments);
        List<ParsedAi> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = key; k < segments.size(); k += 2) {
            int[] aiSeg = segments.get(k);
            String ai = raw.substring(aiSeg[0], aiSeg[1]);
            AiDefinition def = AiDictionary.lookup(ai).orElseThrow();
            if (k + 1 >= segments.size()) {
                throw AiValueValidator.error(ai, "has no value in the path", aiSeg[1]);
            }
            out.add(value(raw, def, aiSeg[0], segments.get(k + 1), false));
            seen.add(ai);
        }
        checkQualifiers(out);
        if (q >= 0 && q < end) {
            readQuery(raw, q + 1, end, out, seen);
        }
        return out;
    }

    private static int schemeEnd(String raw, int start) {
        for (String scheme : SCHEMES) {
            if (raw.startsWith(scheme, start)) {
                return start + scheme.length();
            }
        }
        throw new Gs1SyntaxException("URI scheme must be http or https, all lower or all upper case", start, null);
    }

    /** [start, end) of each path segment after {@code slash}. */
    private static List<int[]> segments(String raw, int slash, int pathEnd) {
        List<int[]> out = new ArrayList<>();
        int from = slash + 1;
        while (true) {
            int next = raw.indexOf('/', from);
            if (next < 0 || next >= pathEnd) {
                out.add(new int[] {from, pathEnd});
                return out;
            }
            out.add(new int[] {from, next});
            from = next + 1;
        }
    }

    /** Index of the primary key's segment: walk AI/value pairs back from the end of the path. */
    private static int findKey(String raw, List<int[]> segments) {
        for (int k = segments.size() - 2; k >= 0; k -= 2) {
            int[] s = segments.get(k);
            String ai = raw.substring(s[0], s[1]);
            AiDefinition def = ai.chars().allMatch(Character::isDigit) ? AiDictionary.lookup(ai).orElse(null) : null;
            if (def == null) {
                break;
            }
            if (def.isDlPrimaryKey()) {
                return k;
            }
        }
        throw new Gs1SyntaxException("no GS1 Digital Link primary key in the URI path", segments.get(0)[0] - 1, null);
    }

    private ParsedAi value(String raw, AiDefinition def, int aiPos, int[] seg, boolean query) {
        if (seg[0] == seg[1]) {
            throw AiValueValidator.error(def.ai(), "value is empty", seg[0]);
        }
        List<Integer> positions = new ArrayList<>();
        String value = PercentCoding.decode(raw, seg[0], seg[1], query, positions);
        if (value.indexOf('\0') >= 0) {
            throw AiValueValidator.error(def.ai(), "decoded value contains NUL", positions.get(value.indexOf('\0')));
        }
        if (query && def.ai().equals("01") && (value.length() == 8 || value.length() == 12 || value.length() == 13)) {
            int pad = 14 - value.length();
            value = "0".repeat(pad) + value;
            List<Integer> shifted = new ArrayList<>();
            for (int i = 0; i < pad; i++) {
                shifted.add(seg[0]);
            }
            shifted.addAll(positions);
            positions = shifted;
        }
        List<Integer> map = positions;
        AiValueValidator.validate(def, value, map::get, reference);
        return new ParsedAi(def, value, aiPos, seg[0]);
    }

    /** The path after the key must be an in-order selection from one of the key's qualifier lists. */
    private static void checkQualifiers(List<ParsedAi> path) {
        ParsedAi key = path.get(0);
        List<String> used = path.subList(1, path.size()).stream().map(ParsedAi::ai).toList();
        if (compatibleAlternatives(key.definition(), used).isEmpty()) {
            ParsedAi bad = path.size() > 1 ? path.get(path.size() - 1) : key;
            throw new Gs1SyntaxException("AI (" + bad.ai() + ") is not a permitted qualifier of AI (" + key.ai()
                    + ") at this place in the path", bad.position(), bad.ai());
        }
    }

    static List<List<String>> compatibleAlternatives(AiDefinition key, List<String> used) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> alternative : key.dlQualifiers()) {
            int j = 0;
            for (String ai : used) {
                while (j < alternative.size() && !alternative.get(j).equals(ai)) {
                    j++;
                }
                if (j == alternative.size()) {
                    j = -1;
                    break;
                }
                j++;
            }
            if (j >= 0) {
                out.add(alternative);
            }
        }
        return out;
    }

    private void readQuery(String raw, int from, int end, List<ParsedAi> out, Set<String> seen) {
        ParsedAi key = out.get(0);
        List<String> used = out.subList(1, out.size()).stream().map(ParsedAi::ai).toList();
        List<List<String>> alternatives = compatibleAlternatives(key.definition(), used);
        int i = from;
        while (i < end) {
            int amp = raw.indexOf('&', i);
            int paramEnd = amp < 0 || amp > end ? end : amp;
            int eq = raw.indexOf('=', i);
            if (paramEnd > i && eq >= 0 && eq < paramEnd) {
                String name = raw.substring(i, eq);
                if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    int at = i;
                    AiDefinition def = AiDictionary.lookup(name).orElseThrow(
                            () -> new Gs1SyntaxException("unknown AI (" + name + ") in the query", at, name));
                    if (!def.dataAttribute()) {
                        throw AiValueValidator.error(name, "is not permitted as a Digital Link data attribute", at);
                    }
                    if (alternatives.stream().anyMatch(alt -> alt.contains(name))) {
                        throw AiValueValidator.error(name, "belongs in the URI path as a key qualifier", at);
                    }
                    if (!seen.add(name)) {
                        throw AiValueValidator.error(name, "appears more than once", at);
                    }
                    out.add(value(raw, def, at, new int[] {eq + 1, paramEnd}, true));
                }
            }
            i = paramEnd + 1;
        }
    }
}
