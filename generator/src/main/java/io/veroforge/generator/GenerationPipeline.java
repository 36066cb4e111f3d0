package io.veroforge.generator;

import io.veroforge.generator.analyze.AnalyzedSpec;
import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.gaps.GapFiller;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.scan.ScanReport;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole generator in one call, top to bottom:
 * <pre>
 *   analyze (SpecAnalyzer) → resolve (AppModelResolver) → synthesize (Synthesizer + GapFiller) → scan (SecurityScanner)
 * </pre>
 * An invalid spec stops after resolve; otherwise the repository is always synthesized and scanned,
 * and {@link GenerationResult#outcome()} says whether it may be published. Nothing is written:
 * the caller decides (the CLI writes a directory, the operator will push to Git).
 *
 * <p>Safe to call again and from several threads: every stage is pure, the ontology and the
 * templates are loaded once, and the same input gives an equal result (only the timings differ).
 */
public final class GenerationPipeline {

    private final SpecAnalyzer analyzer;
    private final AppModelResolver resolver;
    private final Function<ResolvedModel, GeneratedRepository> synthesize;
    private final SecurityScanner scanner;

    /** Template-only gap filling: every gap becomes a marked handler that throws until someone implements it. */
    public GenerationPipeline() {
        this(new TemplateOnlyGapFiller());
    }

    /** With a gap filler (the AI filler once it exists); gaps it cannot fill fall back to the template-only stub. */
    public GenerationPipeline(GapFiller gapFiller) {
        this(Ontology.standard(), new Synthesizer(gapFiller)::synthesize, new SecurityScanner());
    }

    /**
     * @param synthesize the synthesize stage, normally {@code new Synthesizer(filler)::synthesize}; a
     *                   different template pack, or a test that plants a file, plugs in here
     */
    public GenerationPipeline(Ontology ontology, Function<ResolvedModel, GeneratedRepository> synthesize, SecurityScanner scanner) {
        this.analyzer = new SpecAnalyzer(ontology);
        this.resolver = new AppModelResolver(ontology);
        this.synthesize = synthesize;
        this.scanner = scanner;
    }

    /** From an AppSpec manifest file (problems carry its line numbers). */
    public GenerationResult generate(Path appSpec) throws IOException {
        String yaml = Files.readString(appSpec, StandardCharsets.UTF_8);
        return generate(yaml, appSpec.getFileName().toString());
    }

    /** From AppSpec YAML; {@code source} names it in messages. */
    public GenerationResult generate(String yaml, String source) {
        return run(() -> analyzer.analyze(yaml, source));
    }

    /** From a spec that is already bound (the operator maps its CR's spec to {@link AppSpecInput}). */
    public GenerationResult generate(String appName, String namespace, AppSpecInput spec) {
        return run(() -> analyzer.analyze(appName, namespace, spec));
    }

    private GenerationResult run(Supplier<AnalyzedSpec> analyze) {
        long start = System.nanoTime();
        AnalyzedSpec analyzed = analyze.get();
        long analyzedAt = System.nanoTime();
        Resolution resolution = resolver.resolve(analyzed);
        long resolvedAt = System.nanoTime();
        if (!resolution.valid()) {
            StageTimings timings = new StageTimings(between(start, analyzedAt), between(analyzedAt, resolvedAt), Duration.ZERO, Duration.ZERO);
            return new GenerationResult(resolution.model(), resolution.problems(), null, null, timings);
        }
        GeneratedRepository repository = synthesize.apply(resolution.model());
        long synthesizedAt = System.nanoTime();
        ScanReport scan = scanner.scan(repository.files());
        long scannedAt = System.nanoTime();
        StageTimings timings = new StageTimings(between(start, analyzedAt), between(analyzedAt, resolvedAt), between(resolvedAt, synthesizedAt),
                between(synthesizedAt, scannedAt));
        return new GenerationResult(resolution.model(), resolution.problems(), repository, scan, timings);
    }

    private static Duration between(long from, long to) {
        return Duration.ofNanos(to - from);
    }
}
