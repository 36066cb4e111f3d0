package io.veroforge.generator.model;

import java.util.Locale;

/** Something the model asks for that templates cannot express, recorded for the gap filler. */
public record Gap(GapType type, String path, String description) {

    /**
     * A stable, readable identifier made of the type and the path, usable in file names, code
     * comments and reports: {@code requirements[2] → business-rule-requirements-2}.
     */
    public String id() {
        String slug = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + slug;
    }
}
