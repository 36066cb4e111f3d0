package io.veroforge.generator.model;

/** One step of a workflow; the keys used depend on the type (see {@link ActionType}). */
public record Action(ActionType type, String to, String template, String url, String field, String value,
                     String entity, String message) {
}
