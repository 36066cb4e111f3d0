package io.veroforge.generator.model;

/** Something the model asks for that templates cannot express, recorded for the gap filler. */
public record Gap(GapType type, String path, String description) {
}
