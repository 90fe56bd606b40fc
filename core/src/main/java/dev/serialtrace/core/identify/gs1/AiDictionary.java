package dev.serialtrace.core.identify.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GS1's AI table, read once from the syntax dictionary embedded beside this class, so that lengths,
 * character sets, check digits, date rules and AI associations follow GS1's own file rather than a
 * hand-copied table.
 */
public final class AiDictionary {

    private static final String RESOURCE = "gs1-syntax-dictionary.txt";
    private static final Map<String, AiDefinition> TABLE = load();

    private AiDictionary() {
    }

    public static Optional<AiDefinition> lookup(String ai) {
        return Optional.ofNullable(TABLE.get(ai));
    }

    /** The known AI that {@code data} starts with at {@code from}; AIs are prefix-free, so at most one. */
    public static Optional<AiDefinition> prefixOf(CharSequence data, int from) {
        for (int len = 2; len <= 4 && from + len <= data.length(); len++) {
            AiDefinition d = TABLE.get(data.subSequence(from, from + len).toString());
            if (d != null) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Map<String, AiDefinition> all() {
        return Collections.unmodifiableMap(TABLE);
    }

    private static Map<String, AiDefinition> load() {
        Map<String, AiDefinition> table = new LinkedHashMap<>();
        try (InputStream in = AiDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    parseLine(line, table);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    private static void parseLine(String line, Map<String, AiDefinition> table) {
        int hash = line.indexOf('#');
        String title = hash < 0 ? "" : line.substring(hash + 1).trim();
        List<String> tokens = new ArrayList<>(Arrays.asList((hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+")));
        String ais = tokens.remove(0);
        String flags = "";
        while (!tokens.isEmpty() && tokens.get(0).matches("[*!?]+")) {
            flags += tokens.remove(0);
        }
        List<AiComponent> components = new ArrayList<>();
        List<List<String>> requires = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        List<List<String>> dlQualifiers = new ArrayList<>();
        for (String token : tokens) {
            if (token.startsWith("req=")) {
                requires.add(List.of(token.substring(4).split(",")));
            } else if (token.startsWith("ex=")) {
                excludes.addAll(List.of(token.substring(3).split(",")));
            } else if (token.equals("dlpkey")) {
                dlQualifiers.add(List.of());
            } else if (token.startsWith("dlpkey=")) {
                for (String alternative : token.substring(7).split("\\|")) {
                    dlQualifiers.add(List.of(alternative.split(",")));
                }
            } else {
                components.add(AiComponent.parse(token));
            }
        }
        String[] range = ais.split("-");
        int first = Integer.parseInt(range[0]);
        int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
        for (int n = first; n <= last; n++) {
            String ai = String.format("%0" + range[0].length() + "d", n);
            table.put(ai, new AiDefinition(ai, flags.contains("*"), flags.contains("?"),
                    List.copyOf(components), List.copyOf(requires), List.copyOf(excludes),
                    List.copyOf(dlQualifiers), title));
        }
    }
}
