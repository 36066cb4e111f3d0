package io.veroforge.generator.input;

/** @param value fieldChanged only: start only when {@code field} changes to this value */
public record TriggerInput(String type, String entity, String field, String value, String schedule) {
}
