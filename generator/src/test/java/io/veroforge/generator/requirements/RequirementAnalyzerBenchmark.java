package io.veroforge.generator.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.ontology.Ontology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Offline requirement analysis latency ({@code ./mvnw -B -Pbench-requirements -pl generator test}; see
 * docs/benchmarks.md): model load (ONNX session + first inference) and ontology index build once, then
 * {@code bench.requirements.warmup} rounds over the 46 labelled texts, then {@code bench.requirements.runs}
 * rounds measured per spec, each spec once with the phrase-vector cache cleared (every phrase embedded) and
 * once cached (what a reconcile of an unchanged spec pays). Writes {@code target/bench-requirements/results.md}.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench.requirements.runs", matches = "\\d+")
class RequirementAnalyzerBenchmark {

    @Test
    void offlineAnalysisLatency() throws IOException {
        int warmup = Integer.getInteger("bench.requirements.warmup", 20);
        int runs = Integer.getInteger("bench.requirements.runs", 20);
        List<AppSpecInput> specs = LabelledSet.load().stream().map(LabelledSet.Item::spec).toList();

        long t0 = System.nanoTime();
        SentenceEmbedder embedder = SentenceEmbedder.shared();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        EmbeddingRequirementEngine engine = new EmbeddingRequirementEngine(Ontology.standard());
        long t1 = System.nanoTime();
        engine.propose(specs.get(0));
        double firstMs = (System.nanoTime() - t1) / 1e6;

        for (int i = 0; i < warmup; i++) {
            specs.forEach(engine::propose);
        }
        List<Double> uncached = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            for (AppSpecInput spec : specs) {
                embedder.clearCache();
                long a = System.nanoTime();
                RequirementProposal p = engine.propose(spec);
                uncached.add((System.nanoTime() - a) / 1e6);
                long b = System.nanoTime();
                engine.propose(spec);
                cached.add((System.nanoTime() - b) / 1e6);
                assertThat(p.engine()).isEqualTo(EmbeddingRequirementEngine.ENGINE);
            }
        }
        String results = String.format(Locale.ROOT, """
                # Requirement analyzer (offline) benchmark

                %d specs x %d runs after %d warm-up rounds; %d cores, %s
                - model load (ONNX session + first inference): %.0f ms
                - first analysis (ontology index: every term and alias embedded): %.0f ms
                - per spec, phrase vectors uncached: p50 %.1f ms, p99 %.1f ms
                - per spec, phrase vectors cached: p50 %.2f ms, p99 %.2f ms
                """, specs.size(), runs, warmup, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                loadMs, firstMs, pct(uncached, 50), pct(uncached, 99), pct(cached, 50), pct(cached, 99));
        System.out.println(results);
        Path out = Path.of(System.getProperty("bench.requirements.out", "target/bench-requirements"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), results);
    }

    private static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
