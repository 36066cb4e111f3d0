package io.veroforge.generator.fuzz;

import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.proof.AppProof;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * One seed through the whole property: the fuzzed spec is either refused (every error with a path
 * and a fix) or its generated app is proved by {@link AppProof}. Used by the CI seeds and by the
 * N-seed benchmark alike.
 */
public final class FuzzCase {

    /** What happened to one seed: refused (with its errors), or proved (with the proof's report). */
    public record Outcome(long seed, String yaml, List<Problem> refusal, AppProof.Report report) {
        public boolean refused() {
            return refusal != null;
        }

        /** A refusal is fine when each error says where and how to fix it; an accepted spec must give a working app. */
        public boolean holds() {
            return refused() ? refusal.stream().allMatch(p -> !p.path().isBlank() && p.fix() != null && !p.fix().isBlank())
                    : report.passed();
        }

        public String describe() {
            if (refused()) {
                return "seed " + seed + " refused: " + refusal;
            }
            return "seed " + seed + ": " + report.summary() + (report.passed() ? "" : "\n" + report.failure() + "\nspec:\n" + yaml);
        }
    }

    private final SpecFuzzer fuzzer = new SpecFuzzer();
    private final SpecAnalyzer analyzer = new SpecAnalyzer();
    private final AppModelResolver resolver = new AppModelResolver();
    private final AppProof proof;

    public FuzzCase(AppProof proof) {
        this.proof = proof;
    }

    public Outcome run(long seed, Set<FuzzFeature> features) throws IOException, InterruptedException {
        String yaml = fuzzer.specYaml(seed, features);
        Resolution resolution = resolver.resolve(analyzer.analyze(yaml, SpecFuzzer.appName(seed) + ".yaml"));
        if (!resolution.valid()) {
            return new Outcome(seed, yaml, resolution.errors(), null);
        }
        return new Outcome(seed, yaml, null, proof.prove(SpecFuzzer.appName(seed), new Synthesizer().synthesize(resolution.model())));
    }
}
