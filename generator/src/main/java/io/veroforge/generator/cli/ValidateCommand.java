package io.veroforge.generator.cli;

import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.resolve.Resolution;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", description = "Checks an AppSpec and reports every problem with a path and a fix.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    SpecFileOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Resolution> resolution = options.resolve(err);
        if (resolution.isEmpty()) {
            return GeneratorCli.EXIT_USAGE;
        }
        Resolution r = resolution.get();
        options.report(r.problems(), err);
        if (!r.valid()) {
            err.println(r.errors().size() + " error(s), " + r.warnings().size() + " warning(s): " + options.file + " is not valid");
            return GeneratorCli.EXIT_INVALID_SPEC;
        }
        ResolvedModel m = r.model();
        out.println(options.file + ": valid — app " + m.name() + ", " + m.entities().size() + " entities, " + m.roles().size()
                + " roles, " + m.workflows().size() + " workflows, compliance " + (m.compliance().regimes().isEmpty() ? "none"
                : m.compliance().regimes()) + ", " + m.gaps().size() + " gap(s)" + (r.warnings().isEmpty() ? "" : ", "
                + r.warnings().size() + " warning(s)"));
        return GeneratorCli.EXIT_OK;
    }
}
