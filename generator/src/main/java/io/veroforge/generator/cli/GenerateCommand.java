package io.veroforge.generator.cli;

import io.veroforge.generator.GenerationPipeline;
import io.veroforge.generator.GenerationResult;
import io.veroforge.generator.ai.AiProviderSettings;
import io.veroforge.generator.ai.AiSynthesis;
import io.veroforge.generator.ai.DiskFillCache;
import io.veroforge.generator.ai.FillValidator;
import io.veroforge.generator.ai.NodeFillValidator;
import io.veroforge.generator.ai.ResilientChat;
import io.veroforge.generator.ai.ScannerFillValidator;
import io.veroforge.generator.gaps.GapFillingStats;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.overlay.ImprovementsOverlay;
import io.veroforge.generator.overlay.OverlayReader;
import io.veroforge.generator.overlay.OverlayRefusedException;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.scan.Finding;
import io.veroforge.generator.scan.FindingSeverity;
import io.veroforge.generator.scan.ScanReport;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.GenerationSummary;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the {@link GenerationPipeline} (analyze → resolve → synthesize → scan), writes the repository
 * and prints what it holds and what the scanner found. A critical finding still writes the output,
 * so the developer can look at the file it names, but exits {@value GeneratorCli#EXIT_SCAN_FAILED}.
 */
@Command(name = "generate", description = "Generates the application repository from an AppSpec (template pack nestjs-prisma-react) "
        + "and scans it; exit 4 when the scan finds a critical problem (the output is still written, for inspection).")
final class GenerateCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    SpecFileOptions options;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory (created; must be empty unless --force)")
    Path output;

    @Option(names = "--force", description = "write into a non-empty directory, overwriting generated files")
    boolean force;

    @Option(names = "--overlay", paramLabel = "DIR", description = "an improvements overlay (a Git repository or a directory of "
            + "ontology/<Type>.yaml files) read on top of the built-in ontology; its content hash is part of the pack revision")
    Path overlay;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<ImprovementsOverlay, GenerationPipeline> pipeline;

    GenerateCommand() {
        this.pipeline = GenerateCommand::fromEnvironment;
    }

    /**
     * Template-only unless {@code VEROFORGE_AI_PROVIDER} names a model (docs/ai.md): then gaps are
     * filled by it, validated with node under {@code ~/.cache/veroforge}, fills cached there on disk.
     */
    static GenerationPipeline fromEnvironment(ImprovementsOverlay improvements) {
        Optional<AiProviderSettings> settings = AiProviderSettings.fromEnvironment(System.getenv());
        Ontology ontology = improvements.applyTo(Ontology.standard());
        Pack pack = improvements.applyTo(Pack.nestjsPrismaReact());
        if (settings.isEmpty()) {
            return new GenerationPipeline(ontology, new Synthesizer().withPack(pack)::synthesize, new SecurityScanner());
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "veroforge");
        FillValidator validator = FillValidator.allOf(new ScannerFillValidator(new SecurityScanner()),
                new NodeFillValidator(cache.resolve("gap-validation"), cache.resolve("node-modules")));
        AiSynthesis synthesis = new AiSynthesis(Optional.of(ResilientChat.connect(settings.get())), validator,
                new DiskFillCache(cache.resolve("fills")), pack);
        return new GenerationPipeline(ontology, synthesis, new SecurityScanner());
    }

    /** A fixed pipeline (tests); {@code --overlay} is then checked but the pipeline is not rebuilt from it. */
    GenerateCommand(Supplier<GenerationPipeline> pipeline) {
        this.pipeline = improvements -> pipeline.get();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(options.file)) {
            err.println("error: " + options.file + ": no such file");
            return GeneratorCli.EXIT_USAGE;
        }
        ImprovementsOverlay improvements = ImprovementsOverlay.empty();
        if (overlay != null) {
            if (!Files.isDirectory(overlay)) {
                err.println("error: --overlay " + overlay + ": no such directory");
                return GeneratorCli.EXIT_USAGE;
            }
            try {
                improvements = new OverlayReader(Ontology.standard()).read(overlay);
            } catch (OverlayRefusedException e) {
                e.problems().forEach(p -> err.println("error: --overlay " + overlay + ": " + p));
                return GeneratorCli.EXIT_USAGE;
            }
        }
        GenerationResult result;
        try {
            result = pipeline.apply(improvements).generate(options.file);
        } catch (IllegalArgumentException e) {
            err.println("error: AI provider settings: " + e.getMessage());
            return GeneratorCli.EXIT_USAGE;
        } catch (IOException e) {
            err.println("error: " + options.file + ": cannot read: " + e.getMessage());
            return GeneratorCli.EXIT_USAGE;
        }
        options.report(result.problems(), err);
        if (result.outcome() == GenerationResult.Outcome.INVALID_SPEC) {
            err.println(result.errors().size() + " error(s): nothing generated");
            return GeneratorCli.EXIT_INVALID_SPEC;
        }
        try {
            if (Files.exists(output) && !Files.isDirectory(output)) {
                err.println("error: " + output + " is a file, not a directory");
                return GeneratorCli.EXIT_USAGE;
            }
            if (!force && Files.isDirectory(output) && !isEmpty(output)) {
                err.println("error: " + output + " is not empty: choose an empty directory, or pass --force to overwrite");
                return GeneratorCli.EXIT_USAGE;
            }
            result.repository().writeTo(output);
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            return GeneratorCli.EXIT_USAGE;
        }
        printSummary(result, out);
        ScanReport scan = result.scanReport();
        if (scan.hasCritical()) {
            err.println("error: the security scan found " + scan.withSeverity(FindingSeverity.CRITICAL).size() + " critical finding(s): "
                    + output + " is written for inspection only — do not deploy it; fix the AppSpec, the template pack or the gap handler "
                    + "named above and generate again");
            return GeneratorCli.EXIT_SCAN_FAILED;
        }
        return GeneratorCli.EXIT_OK;
    }

    private void printSummary(GenerationResult result, PrintWriter out) {
        GeneratedRepository repo = result.repository();
        GenerationSummary s = repo.summary();
        ScanReport scan = result.scanReport();
        out.println("generated " + result.model().name() + " into " + output + " with pack " + repo.pack() + "@" + repo.revision());
        out.println("  files      " + s.files() + " (" + (repo.bytes() + 1023) / 1024 + " KiB)");
        out.println("  entities   " + s.entities());
        out.println("  endpoints  " + s.endpoints());
        out.println("  UI views   " + s.uiViews());
        out.println("  workflows  " + s.workflows());
        out.println("  gaps       " + s.gapsFilled() + " filled, " + s.gapsUnfilled() + " unfilled"
                + (s.gapsUnfilled() > 0 ? " (template-only handlers in api/src/gaps/ throw until implemented)" : ""));
        GapFillingStats ai = repo.gaps().stats();
        if (ai != null) {
            out.println("  AI         " + ai.calls() + " call(s), " + ai.tokens() + " token(s), " + ai.cacheHits() + " cache hit(s), "
                    + ai.accepted() + " fill(s) accepted, " + ai.rejected() + " answer(s) refused"
                    + (ai.degraded() ? " — degraded: " + ai.degradedReason() + ": " + ai.degradedMessage() : ""));
            repo.gaps().entries().stream().filter(e -> e.note() != null)
                    .forEach(e -> out.println("    " + e.gapId() + ": " + e.note()));
        }
        out.println("  findings   " + scan.counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().keyword())
                .collect(Collectors.joining(", ")) + (scan.hasCritical() ? " — FAILED" : ""));
        for (Finding f : scan.findings()) {
            out.println("    " + f);
        }
        out.println("  took       " + result.timings());
        out.flush();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
