package io.veroforge.api.v1alpha1;

/** Severity of a security finding; high and critical make a Generation risky. */
public enum FindingSeverity {
    info, low, medium, high, critical
}
