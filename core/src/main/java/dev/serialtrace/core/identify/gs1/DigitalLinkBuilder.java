package dev.serialtrace.core.identify.gs1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GS1 Digital Link URI from AI data the way the GS1 Syntax Engine does: the first primary
 * key goes into the path with its qualifiers in dictionary order; everything else becomes query
 * attributes, predefined-length AIs first, duplicates dropped.
 */
public final class DigitalLinkBuilder {
    public static final String CANONICAL_STEM = "https://id.gs1.org";

    private DigitalLinkBuilder() {
    }

    public static String build(String stem, List<AiElement> ais) {
        Map<String, String> data = new LinkedHashMap<>();
        for (AiElement e : ais) {
            String previous = data.putIfAbsent(e.ai(), e.value());
            if (previous != null && !previous.equals(e.value())) {
                throw new IllegalArgumentException("AI (" + e.ai() + ") repeated with a different value");
            }
        }
        AiDefinition key = data.keySet().stream().map(ai -> definition(ai)).filter(AiDefinition::isDlPrimaryKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no Digital Link primary key"));
        StringBuilder uri = new StringBuilder(stem.endsWith("/") ? stem.substring(0, stem.length() - 1) : stem);
        uri.append('/').append(key.ai()).append('/').append(PercentCoding.encode(data.remove(key.ai()), false));
        List<String> qualifiers = chooseQualifiers(key, data);
        for (String q : qualifiers) {
            uri.append('/').append(q).append('/').append(PercentCoding.encode(data.remove(q), false));
        }
        List<String> attributes = new ArrayList<>();
        data.keySet().stream().filter(ai -> definition(ai).predefinedLength()).forEach(attributes::add);
        data.keySet().stream().filter(ai -> !definition(ai).predefinedLength()).forEach(attributes::add);
        char sep = '?';
        for (String ai : attributes) {
            if (!definition(ai).dataAttribute()) {
                throw new IllegalArgumentException("AI (" + ai + ") is not permitted as a Digital Link data attribute");
            }
            uri.append(sep).append(ai).append('=').append(PercentCoding.encode(data.get(ai), true));
            sep = '&';
        }
        return uri.toString();
    }

    /** The qualifiers present, from the first alternative that holds any of them, in its order. */
    private static List<String> chooseQualifiers(AiDefinition key, Map<String, String> data) {
        for (List<String> alternative : key.dlQualifiers()) {
            List<String> present = alternative.stream().filter(data::containsKey).toList();
            if (!present.isEmpty()) {
                return present;
            }
        }
        return List.of();
    }

    private static AiDefinition definition(String ai) {
        return AiDictionary.lookup(ai).orElseThrow(() -> new IllegalArgumentException("unknown AI (" + ai + ")"));
    }
}
