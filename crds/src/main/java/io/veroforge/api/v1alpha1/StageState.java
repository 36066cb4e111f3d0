package io.veroforge.api.v1alpha1;

/** The state of one stage of a Generation. */
public enum StageState {
    Pending, Running, Succeeded, Failed, Skipped
}
