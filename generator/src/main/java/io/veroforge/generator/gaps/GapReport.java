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
public record GapReport(List<Entry> entries, GapFillingStats stats) {

    /**
     * One gap's outcome (no code: the report is for people and status, the code is in the repository).
     *
     * @param provenance model, prompt hash, attempts and confidence of an AI fill; null otherwise
     * @param note       why a gap a filler tried is not filled (validation errors, provider failure, budget); null otherwise
     */
    public record Entry(String gapId, GapType type, String path, String description, boolean filled, String filler,
                        String targetFile, FillProvenance provenance, String note) {
        public Entry(String gapId, GapType type, String path, String description, boolean filled, String filler, String targetFile) {
            this(gapId, type, path, description, filled, filler, targetFile, null, null);
        }
    }

    public GapReport {
        entries = List.copyOf(entries);
    }

    /** Without filler statistics (template-only filling has none). */
    public GapReport(List<Entry> entries) {
        this(entries, null);
    }

    public static GapReport of(List<GapFill> fills) {
        return new GapReport(fills.stream().map(f -> new Entry(f.gapId(), f.gap().type(), f.gap().path(), f.gap().description(),
                f.filled(), f.filler(), f.targetFile(), f.provenance(), f.note())).toList());
    }

    /** The same entries with the statistics of the filler that wrote them. */
    public GapReport withStats(GapFillingStats s) {
        return new GapReport(entries, s);
    }

    /** Gaps filled by an AI filler (what {@code auto-unless-risky} approval counts as risky). */
    public int filledByAi() {
        return (int) entries.stream().filter(e -> e.filled() && e.provenance() != null).count();
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
