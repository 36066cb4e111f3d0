package io.veroforge.generator.scan;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every finding of one scan, worst first, then by file and line. */
public record ScanReport(List<Finding> findings) {

    public ScanReport {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::file)
                .thenComparingInt(Finding::line).thenComparing(Finding::rule)).toList();
    }

    /** True when the generation must fail. */
    public boolean hasCritical() {
        return findings.stream().anyMatch(f -> f.severity() == FindingSeverity.CRITICAL);
    }

    public List<Finding> withSeverity(FindingSeverity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** Counts for every severity (zeros included), worst first. */
    public Map<FindingSeverity, Long> counts() {
        Map<FindingSeverity, Long> counts = new EnumMap<>(FindingSeverity.class);
        for (FindingSeverity s : FindingSeverity.values()) {
            counts.put(s, 0L);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }

    /** {@code security scan: 2 critical, 1 high, 0 medium, 0 low — FAILED}. */
    public String summary() {
        String counts = counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().keyword()).collect(Collectors.joining(", "));
        return "security scan: " + (findings.isEmpty() ? "no findings" : counts) + (hasCritical() ? " — FAILED (critical findings)" : " — passed");
    }
}
