package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the KPI gate says to do. Upper-case constants because {@code continue} is a Java keyword. */
public enum CanaryRecommendation {
    @JsonProperty("promote") PROMOTE,
    @JsonProperty("rollback") ROLLBACK,
    @JsonProperty("continue") CONTINUE
}
