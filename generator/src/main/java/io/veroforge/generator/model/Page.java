package io.veroforge.generator.model;

public record Page(String name, String entity, PageKind kind, Origin origin, String path) {
}
