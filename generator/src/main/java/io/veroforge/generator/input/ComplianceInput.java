package io.veroforge.generator.input;

/** Explicit compliance flags; {@code null} means "not said", which lets the vertical and markers decide. */
public record ComplianceInput(Boolean hipaa, Boolean pci, Boolean gdpr) {
}
