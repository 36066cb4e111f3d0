package io.veroforge.generator.input;

public record PageInput(String name, String entity, String kind) {
}
