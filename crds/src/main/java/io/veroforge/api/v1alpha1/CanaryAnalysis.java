package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** How often the KPI gate evaluates and over how much history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "duration(self.window) >= duration(self.interval)",
        message = "spec.analysis.window: must be at least as long as spec.analysis.interval, or evaluations would skip data")
public class CanaryAnalysis {

    @Default("1m")
    @Size(max = 16)
    @Pattern(NamePatterns.DURATION)
    @JsonPropertyDescription("Time between evaluations (default 1m).")
    private String interval = "1m";

    @Default("5m")
    @Size(max = 16)
    @Pattern(NamePatterns.DURATION)
    @JsonPropertyDescription("Metrics look-back of each evaluation (default 5m).")
    private String window = "5m";

    @Size(max = 16)
    @Pattern(NamePatterns.DURATION)
    @JsonPropertyDescription("Range of each sample's rate: the {{window}} of KPI queries (default: the interval). A few "
            + "Prometheus scrape intervals (e.g. 4s at a 1s scrape, 1m at 15s) make each sample nearly instantaneous, so a "
            + "canary that breaks is caught at the next evaluation; shorter than two scrapes gives no data.")
    private String rateWindow;

    public String getRateWindow() {
        return rateWindow;
    }

    public void setRateWindow(String rateWindow) {
        this.rateWindow = rateWindow;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }
}
