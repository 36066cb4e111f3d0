package io.veroforge.generator.analyze;

import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.model.Problem;
import java.util.List;

/**
 * An AppSpec as read and checked by {@link SpecAnalyzer}.
 *
 * @param name  the app's name (metadata.name), used for generated names
 * @param spec  the bound spec, or null when the YAML could not be read at all
 * @param lines where paths are in the source, to give later problems line numbers
 */
public record AnalyzedSpec(String name, String namespace, AppSpecInput spec, List<Problem> problems, SourceLines lines) {
    public AnalyzedSpec {
        problems = List.copyOf(problems);
    }
}
