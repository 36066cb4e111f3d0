package io.veroforge.intelligence.proposals;

import java.util.Map;

/** What the abstractor and the risk classifier know of a pattern: its structure and evidence. */
record PatternFacts(String kind, Map<String, String> parts, int tenants, long events, double confidence, String description) {
    String part(String name) {
        return parts.getOrDefault(name, "");
    }
}
