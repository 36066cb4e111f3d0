package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.ResolvedModel;

/**
 * The hook the AI gap filler plugs into: given where a gap lands, return the body of its handler.
 * {@link #TEMPLATE_ONLY} (the default) returns a stub that throws, loudly, when it runs.
 */
@FunctionalInterface
public interface GapBodyProvider {

    GapBody bodyFor(GapHandler handler, ResolvedModel model);

    GapBodyProvider TEMPLATE_ONLY = (handler, model) -> new GapBody(
            "throw new NotImplementedException(" + TsLiteral.string("VeroForge gap " + handler.id() + ": "
                    + handler.gap().description()) + ");",
            java.util.List.of("import { NotImplementedException } from '@nestjs/common';"), java.util.List.of(), false, "template-only");
}
