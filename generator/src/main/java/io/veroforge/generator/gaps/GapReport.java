package io.veroforge.generator.gaps;

import io.veroforge.generator.model.GapType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the gaps of one generation were filled: per gap, and counted. Feeds the generation report
 * and the Generation status ({@code GapCounts}: {@code filledByAi} = {@link #filled()} by an AI
 * filler, {@code unfilled} = {@link #unfilled()}, i.e. the marked stubs a developer must write).
 */
public record GapReport(List<Entry> entries) {

    /** One gap's outcome (no code: the report is for people and status, the code is in the repository). */
    public record Entry(String gapId, GapType type, String path, String description, boolean filled, String filler,
                        String targetFile) {
    }

    public GapReport {
        entries = List.copyOf(entries);
    }

    public static GapReport of(List<GapFill> fills) {
        return new GapReport(fills.stream().map(f -> new Entry(f.gapId(), f.gap().type(), f.gap().path(), f.gap().description(),
                f.filled(), f.filler(), f.targetFile())).toList());
    }

    public int total() {
        return entries.size();
    }

    public int filled() {
        return (int) entries.stream().filter(Entry::filled).count();
    }

    public int unfilled() {
        return total() - filled();
    }

    /** Gaps per filler name, e.g. {@code {template-only=4}}. */
    public Map<String, Long> byFiller() {
        return entries.stream().collect(Collectors.groupingBy(Entry::filler, TreeMap::new, Collectors.counting()));
    }

    public List<Entry> unfilledEntries() {
        return entries.stream().filter(e -> !e.filled()).toList();
    }

    /** {@code 4 gap(s): 1 filled, 3 unfilled (marked stubs that fail at runtime)}. */
    public String summary() {
        if (entries.isEmpty()) {
            return "no gaps";
        }
        return total() + " gap(s): " + filled() + " filled, " + unfilled() + " unfilled"
                + (unfilled() > 0 ? " (marked stubs that fail at runtime)" : "");
    }
}
