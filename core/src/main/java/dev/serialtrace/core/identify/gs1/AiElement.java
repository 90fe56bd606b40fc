package dev.serialtrace.core.identify.gs1;

import java.util.Objects;

/** One AI with its value, e.g. {@code ("17", "271231")}. */
public record AiElement(String ai, String value) {
    public AiElement {
        Objects.requireNonNull(ai);
        Objects.requireNonNull(value);
    }
}
