package io.veroforge.generator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.proof.AppProof;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The N-seed fuzz run ({@code ./mvnw -B -Pfuzz -pl generator test}, N from {@code -Dfuzz.n}, default 50):
 * seeds {@code fuzz.seed .. fuzz.seed+N-1}, or the list {@code fuzz.seeds} ({@code 3,5,14}) when given, with
 * {@code fuzz.features} ({@code all} unless told), each
 * refused or proved by {@link FuzzCase}. Writes {@code target/fuzz/results.md} after every seed (a run
 * cut short still leaves its figures): the pass rate of accepted specs, the refusal reasons, the failing
 * seeds with their failing step, and the slowest steps. Fails at the end unless every accepted spec passed.
 */
@Tag("fuzz")
@EnabledIfSystemProperty(named = "fuzz.n", matches = "\\d+")
class FuzzBenchmark {

    @Test
    void everyAcceptedFuzzedSpecGivesAWorkingApp() throws Exception {
        List<Long> seeds = seeds();
        int n = seeds.size();
        String featureText = System.getProperty("fuzz.features", "all");
        Set<FuzzFeature> features = FuzzFeature.parse(featureText);
        Path out = Path.of(System.getProperty("fuzz.out", "target/fuzz")).toAbsolutePath();
        Files.createDirectories(out);
        FuzzCase fuzzCase = new FuzzCase(AppProof.standard());
        List<FuzzCase.Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (long seed : seeds) {
            FuzzCase.Outcome outcome = fuzzCase.run(seed, features);
            outcomes.add(outcome);
            System.out.println(outcome.refused() ? "seed " + seed + " refused" : outcome.report().summary());
            if (!outcome.holds()) {
                Files.writeString(out.resolve("seed-" + seed + ".txt"), outcome.describe(), StandardCharsets.UTF_8);
            }
            write(out.resolve("results.md"), outcomes, featureText, n, Duration.ofNanos(System.nanoTime() - start));
        }
        List<Long> failing = outcomes.stream().filter(o -> !o.holds()).map(FuzzCase.Outcome::seed).toList();
        assertThat(failing).as("seeds that broke the property (details in %s)", out).isEmpty();
    }

    private static List<Long> seeds() {
        String list = System.getProperty("fuzz.seeds", "").trim();
        if (!list.isEmpty()) {
            return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(Long::valueOf).toList();
        }
        int n = Integer.parseInt(System.getProperty("fuzz.n"));
        long first = Long.parseLong(System.getProperty("fuzz.seed", "1"));
        return java.util.stream.LongStream.range(first, first + n).boxed().toList();
    }

    private static void write(Path file, List<FuzzCase.Outcome> outcomes, String features, int n, Duration wall) throws IOException {
        List<FuzzCase.Outcome> accepted = outcomes.stream().filter(o -> !o.refused()).toList();
        long passed = accepted.stream().filter(o -> o.report().passed()).count();
        StringBuilder md = new StringBuilder();
        md.append("# Fuzz run\n\n");
        md.append(String.format("seeds %s (%d of %d), features `%s`, wall time %.1f min%n%n",
                outcomes.stream().map(o -> String.valueOf(o.seed())).collect(java.util.stream.Collectors.joining(",")), outcomes.size(), n, features,
                wall.toMillis() / 60000.0));
        md.append(String.format("| specs | refused | accepted | accepted and passing | pass rate |%n|---|---|---|---|---|%n| %d | %d | %d | %d | %s |%n%n",
                outcomes.size(), outcomes.size() - accepted.size(), accepted.size(), passed,
                accepted.isEmpty() ? "—" : String.format("%.0f%%", 100.0 * passed / accepted.size())));
        Map<String, Integer> reasons = new TreeMap<>();
        outcomes.stream().filter(FuzzCase.Outcome::refused).forEach(o -> o.refusal().stream().map(RefusalReason::of).distinct()
                .forEach(r -> reasons.merge(r, 1, Integer::sum)));
        md.append("## Refusal reasons (specs refused for each)\n\n");
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> md.append("- ").append(e.getValue()).append(" × `").append(e.getKey()).append("`\n"));
        md.append("\n## Failing seeds\n\n");
        accepted.stream().filter(o -> !o.report().passed()).forEach(o -> md.append("- seed ").append(o.seed()).append(": ")
                .append(o.report().failedStep()).append(" — ").append(firstErrorLine(o.report().failure())).append('\n'));
        md.append("\n## Steps (seconds over accepted specs: mean, max)\n\n| step | mean | max |\n|---|---|---|\n");
        Map<String, List<Duration>> bySteps = new TreeMap<>();
        accepted.forEach(o -> o.report().steps().forEach((s, d) -> bySteps.computeIfAbsent(s, k -> new ArrayList<>()).add(d)));
        bySteps.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Duration>> e) -> e.getValue().stream().mapToLong(Duration::toMillis).max().orElse(0)).reversed())
                .forEach(e -> md.append(String.format("| %s | %.1f | %.1f |%n", e.getKey(),
                        e.getValue().stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000.0,
                        e.getValue().stream().mapToLong(Duration::toMillis).max().orElse(0) / 1000.0)));
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    private static String firstErrorLine(String failure) {
        if (failure == null) {
            return "";
        }
        return failure.lines().filter(l -> l.contains("error") || l.contains("Error") || l.contains("✕") || l.contains("FAIL"))
                .findFirst().orElse(failure.lines().findFirst().orElse("")).trim().replace("|", "\\|");
    }
}
