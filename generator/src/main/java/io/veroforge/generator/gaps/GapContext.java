package io.veroforge.generator.gaps;

import io.veroforge.generator.model.ResolvedModel;
import java.util.Objects;

/**
 * What a filler may know about where a gap's code lives.
 *
 * @param model      the resolved model (entities, workflows, roles) the code may use
 * @param targetFile the generated file (repository-relative, e.g. {@code api/src/gaps/business-rules.ts})
 *                   that holds the handler; named in the stub's message so a developer knows where to implement it
 */
public record GapContext(ResolvedModel model, String targetFile) {
    public GapContext {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(targetFile, "targetFile");
    }
}
