package io.veroforge.generator.input;

public record TemplatePackInput(String name, String revision) {
}
