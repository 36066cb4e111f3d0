package io.veroforge.generator.cli;

import io.veroforge.generator.resolve.Resolution;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Resolves and validates; writing files needs the template packs, which are not built yet — it says so and fails. */
@Command(name = "generate", description = "Generates the application repository (template packs: not yet available).")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    SpecFileOptions options;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Resolution> resolution = options.resolve(err);
        if (resolution.isEmpty()) {
            return GeneratorCli.EXIT_USAGE;
        }
        Resolution r = resolution.get();
        options.report(r.problems(), err);
        if (!r.valid()) {
            err.println(r.errors().size() + " error(s): nothing generated");
            return GeneratorCli.EXIT_INVALID_SPEC;
        }
        err.println("the AppSpec is valid, but templates are not yet available in this build: nothing was written to " + output
                + " (use explain to see the resolved model)");
        return GeneratorCli.EXIT_NOT_AVAILABLE;
    }
}
