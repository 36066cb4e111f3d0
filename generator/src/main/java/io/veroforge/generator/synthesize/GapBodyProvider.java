package io.veroforge.generator.synthesize;

import io.veroforge.generator.gaps.GapContext;
import io.veroforge.generator.gaps.GapFill;
import io.veroforge.generator.gaps.GapFiller;
import io.veroforge.generator.gaps.GapFilling;
import io.veroforge.generator.model.ResolvedModel;
import java.util.List;

/**
 * The hook a gap handler's body comes through: given where a gap lands, return the body of its
 * handler. {@link #filledBy(GapFiller)} is the one adapter from the {@code gaps} package's
 * {@link GapFiller} (template-only by default, the AI filler later); a provider written directly
 * can also name the entities whose writes a business rule checks.
 */
@FunctionalInterface
public interface GapBodyProvider {

    GapBody bodyFor(GapHandler handler, ResolvedModel model);

    /**
     * Bodies from a {@link GapFiller}, with {@link GapFilling}'s fallback: a filler that throws or
     * answers nothing gives the template-only stub, so one bad gap never stops a generation.
     */
    static GapBodyProvider filledBy(GapFiller filler) {
        GapFilling filling = new GapFilling(filler);
        return (handler, model) -> {
            GapFill fill = filling.fill(handler.gap(), new GapContext(model, handler.path()));
            return new GapBody(fill.body(), fill.imports(), List.of(), fill.filled(), fill.filler(), fill.provenance(), fill.note());
        };
    }
}
