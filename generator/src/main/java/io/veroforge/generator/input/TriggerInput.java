package io.veroforge.generator.input;

public record TriggerInput(String type, String entity, String field, String schedule) {
}
