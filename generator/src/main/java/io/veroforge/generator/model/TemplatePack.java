package io.veroforge.generator.model;

public record TemplatePack(String name, String revision) {
    public static final String DEFAULT_NAME = "nestjs-prisma-react";
}
