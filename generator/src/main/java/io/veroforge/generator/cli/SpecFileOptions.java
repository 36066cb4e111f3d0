package io.veroforge.generator.cli;

import io.veroforge.generator.analyze.AnalyzedSpec;
import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code -f appspec.yaml} option every command shares, and the analyze → resolve run behind it. */
final class SpecFileOptions {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "APPSPEC", description = "AppSpec manifest (YAML)")
    Path file;

    /** Reads and resolves the file; empty (after saying why on err) when the file cannot be read. */
    Optional<Resolution> resolve(PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println("error: " + file + ": no such file");
            return Optional.empty();
        }
        try {
            AnalyzedSpec analyzed = new SpecAnalyzer().analyze(file);
            return Optional.of(new AppModelResolver().resolve(analyzed));
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Prints problems as {@code file:line: severity: path: message — fix}, errors first. */
    void report(List<Problem> problems, PrintWriter err) {
        problems.stream().sorted((a, b) -> a.severity().compareTo(b.severity())).forEach(p -> {
            String where = p.line() > 0 ? file + ":" + p.line() : file.toString();
            String rendered = new Problem(p.severity(), p.path(), p.message(), p.fix(), 0).toString();
            err.println(where + ": " + p.severity().name().toLowerCase() + ": " + rendered);
        });
    }
}
