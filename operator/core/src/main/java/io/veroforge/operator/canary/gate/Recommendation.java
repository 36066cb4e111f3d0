package io.veroforge.operator.canary.gate;

/** What the gate says to do with the canary. */
public enum Recommendation {
    /** Healthy and enough data: go to the next step. */
    promote,
    /** Unhealthy on the data there is: all traffic back to stable. */
    rollback,
    /** Not enough to decide (no data, low confidence): stay at this step. */
    hold;

    /** The word used in status and docs ({@code continue} is a Java keyword). */
    public String word() {
        return this == hold ? "continue" : name();
    }
}
