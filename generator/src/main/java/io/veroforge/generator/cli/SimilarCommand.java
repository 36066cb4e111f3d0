package io.veroforge.generator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.requirements.SentenceEmbedder;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.similar.AppFingerprint;
import io.veroforge.generator.similar.SimilarApps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "similar", description = "Lists the given apps nearest to the spec: cosine similarity of their requirements and models.")
final class SimilarCommand implements Callable<Integer> {

    @Mixin
    SpecFileOptions options;

    @Parameters(paramLabel = "OTHER", arity = "1..*", description = "other AppSpec files, or directories of them (*.yaml, *.yml)")
    List<Path> others;

    @Option(names = "--limit", defaultValue = "3", description = "at most this many (default 3)")
    int limit;

    @Option(names = "--minimum", defaultValue = "0.5", description = "least similarity shown, 0..1 (default 0.5)")
    double minimum;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1 || minimum < 0 || minimum > 1) {
            err.println("error: --limit must be at least 1 and --minimum between 0 and 1");
            return GeneratorCli.EXIT_USAGE;
        }
        Optional<Resolution> self = options.resolve(err);
        if (self.isEmpty()) {
            return GeneratorCli.EXIT_USAGE;
        }
        if (!self.get().valid()) {
            options.report(self.get().problems(), err);
            return GeneratorCli.EXIT_INVALID_SPEC;
        }
        SentenceEmbedder embedder = SentenceEmbedder.shared();
        float[] vector = embedder.embed(AppFingerprint.text(self.get().model()));
        List<SimilarApps.Candidate> candidates = new ArrayList<>();
        for (Path file : files()) {
            if (file.toAbsolutePath().normalize().equals(options.file.toAbsolutePath().normalize())) {
                continue;
            }
            ResolvedModel model = new AppModelResolver().resolve(new SpecAnalyzer().analyze(file)).model();
            if (model == null) {
                err.println("warning: " + file + " could not be read as an AppSpec: skipped");
                continue;
            }
            candidates.add(new SimilarApps.Candidate(file.toString(), embedder.embed(AppFingerprint.text(model))));
        }
        List<SimilarApps.Match> nearest = SimilarApps.nearest(vector, candidates, limit, minimum);
        nearest.forEach(m -> out.printf("%.3f  %s%n", m.similarity(), m.name()));
        if (nearest.isEmpty()) {
            out.println("no app of " + candidates.size() + " is at least " + minimum + " similar");
        }
        out.flush();
        return GeneratorCli.EXIT_OK;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : others) {
            if (Files.isDirectory(p)) {
                try (var listed = Files.list(p)) {
                    listed.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), p + ": no such file or directory");
            }
        }
        return files;
    }
}
