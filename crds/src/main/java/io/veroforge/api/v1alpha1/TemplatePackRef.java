package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Which template pack generates the code, and optionally which revision of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplatePackRef {
    /** NestJS + Prisma API, React UI, PostgreSQL with row-level security. */
    public static final String DEFAULT_PACK = "nestjs-prisma-react";

    @Default(DEFAULT_PACK)
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.DNS_LABEL)
    @JsonPropertyDescription("Template pack name (default nestjs-prisma-react).")
    private String name = DEFAULT_PACK;

    @Size(max = 64)
    @Pattern("^[A-Za-z0-9][A-Za-z0-9._-]*$")
    @JsonPropertyDescription("Pack revision, e.g. 2025.06.1. Unset in an AppSpec: the newest revision the platform has approved. Always set in a Generation.")
    private String revision;

    public TemplatePackRef() {
    }

    public TemplatePackRef(String name, String revision) {
        this.name = name;
        this.revision = revision;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }
}
