package io.veroforge.generator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.veroforge.generator.resolve.Resolution;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "explain", description = "Prints the resolved model with where each element came from.")
final class ExplainCommand implements Callable<Integer> {

    enum Format { text, json, yaml }

    @Mixin
    SpecFileOptions options;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json or yaml")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Resolution> resolution = options.resolve(err);
        if (resolution.isEmpty()) {
            return GeneratorCli.EXIT_USAGE;
        }
        Resolution r = resolution.get();
        options.report(r.problems(), err);
        if (r.model() == null) {
            err.println(options.file + " could not be read");
            return GeneratorCli.EXIT_INVALID_SPEC;
        }
        switch (format) {
            case text -> {
                out.print(new ModelPrinter().print(r.model()));
                out.print(new ModelPrinter().printSuggestions(r.suggestions()));
                out.print(new ModelPrinter().printRequirements(r.requirements()));
            }
            case json -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.model()));
            case yaml -> out.print(new ObjectMapper(new YAMLFactory()).writeValueAsString(r.model()));
        }
        out.flush();
        if (!r.valid()) {
            err.println(r.errors().size() + " error(s): the model above is incomplete");
            return GeneratorCli.EXIT_INVALID_SPEC;
        }
        return GeneratorCli.EXIT_OK;
    }
}
