package io.veroforge.generator.model;

public enum Severity {
    /** The spec cannot be generated until this is fixed. */
    ERROR,
    /** Generation proceeds, but the user probably wants to know. */
    WARNING
}
