package io.veroforge.generator.scan;

import java.util.Locale;

/** How bad a finding is; {@link #CRITICAL} fails the generation. Ordered from worst to least. */
public enum FindingSeverity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** The spelling of the CRD's {@code FindingSeverity} ({@code critical}, {@code high}, …). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
