package io.veroforge.generator.gaps;

import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.ResolvedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fills every gap of a model with one filler, in model order. A filler that throws or answers
 * nothing for a gap does not stop the generation: that gap gets the template-only stub, and the
 * report says so.
 */
public final class GapFilling {

    /** The fills in model order, and their report. */
    public record Result(List<GapFill> fills, GapReport report) {
        public Result {
            fills = List.copyOf(fills);
        }
    }

    private final GapFiller filler;
    private final GapFiller fallback = new TemplateOnlyGapFiller();

    public GapFilling(GapFiller filler) {
        this.filler = filler;
    }

    /** @param targetFile the generated file each gap's handler lives in (the template pack's layout) */
    public Result fillAll(ResolvedModel model, Function<Gap, String> targetFile) {
        List<GapFill> fills = new ArrayList<>();
        for (Gap gap : model.gaps()) {
            fills.add(fill(gap, new GapContext(model, targetFile.apply(gap))));
        }
        return new Result(fills, GapReport.of(fills));
    }

    /** One gap: the filler's answer, or the template-only stub when it throws or answers nothing. */
    public GapFill fill(Gap gap, GapContext context) {
        GapFill fill;
        try {
            fill = filler.fill(gap, context);
        } catch (RuntimeException e) {
            fill = null;
        }
        return fill != null && fill.body() != null ? fill : fallback.fill(gap, context);
    }
}
