package io.veroforge.intelligence.patterns;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of a detection query: a structural signature and how many distinct tenants and events
 * showed it in the window, out of how many tenants sent anything at all.
 *
 * @param parts ordered parts of the signature (e.g. edit=added_field, ontologyType=Appointment)
 */
record Observation(String kind, Map<String, String> parts, int tenants, long events, int tenantsObserved,
        OffsetDateTime firstSeen, OffsetDateTime lastSeen) {

    String signature() {
        return kind + "|" + parts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("|"));
    }

    /**
     * Lower bound of the 95% Wilson interval of the share of observed tenants showing it: many
     * tenants out of few is confident, the same count out of thousands much less.
     */
    double confidence() {
        double n = Math.max(tenantsObserved, tenants);
        if (n == 0) {
            return 0;
        }
        double z = 1.96, p = tenants / n, z2 = z * z;
        double centre = p + z2 / (2 * n);
        double margin = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.max(0, (centre - margin) / (1 + z2 / n));
    }
}
