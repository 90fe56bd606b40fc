package dev.serialtrace.core.identify.gs1;

/** An AI and its value as read, with where each starts in the raw input (for error positions). */
public record ParsedAi(AiDefinition definition, String value, int position, int valuePosition) {

    public String ai() {
        return definition.ai();
    }
}
