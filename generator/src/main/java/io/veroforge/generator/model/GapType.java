package io.veroforge.generator.model;

/** Kinds of requests the templates cannot express; each becomes work for the AI gap filler. */
public enum GapType {
    /** A free-text business rule from {@code spec.requirements}. */
    BUSINESS_RULE,
    /** A workflow action of type {@code custom}, described in words. */
    CUSTOM_ACTION
}
