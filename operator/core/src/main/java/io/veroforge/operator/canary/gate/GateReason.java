package io.veroforge.operator.canary.gate;

/**
 * Why the gate said what it said; {@code code} is a stable word (documented in docs/canary.md) and
 * becomes a condition reason.
 *
 * @param kpi the KPI concerned, null for the whole evaluation
 */
public record GateReason(String code, String kpi, String message) {
    public static final String NO_DATA = "NoData";
    public static final String THRESHOLD_FAILED = "ThresholdFailed";
    public static final String WORSE_THAN_BASELINE = "WorseThanBaseline";
    public static final String RECENT_BREACH = "RecentBreach";
    public static final String CRITICAL_KPI_FAILED = "CriticalKpiFailed";
    public static final String SCORE_BELOW_PASS_SCORE = "ScoreBelowPassScore";
    public static final String LOW_CONFIDENCE = "LowConfidence";
    public static final String ALL_KPIS_PASSED = "AllKpisPassed";
    public static final String SCORE_PASSED = "ScorePassed";
}
