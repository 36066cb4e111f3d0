package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The metrics backend the KPI gate queries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricsProvider {

    @Default("prometheus")
    @JsonPropertyDescription("prometheus (default).")
    private MetricsProviderType type = MetricsProviderType.prometheus;

    @Size(max = 2048)
    @Pattern("^https?://[^\\s]+$")
    @JsonPropertyDescription("Base URL, e.g. http://prometheus.monitoring:9090. Unset: the platform's configured Prometheus.")
    private String address;

    public MetricsProviderType getType() {
        return type;
    }

    public void setType(MetricsProviderType type) {
        this.type = type;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
