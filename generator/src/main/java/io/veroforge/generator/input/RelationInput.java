package io.veroforge.generator.input;

public record RelationInput(String name, String kind, String target, Boolean required, Boolean cascade) {
}
