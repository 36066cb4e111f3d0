package io.veroforge.generator.gaps;

import io.veroforge.generator.model.Gap;

/**
 * Writes the code for one gap. The template pack decides where the code goes (a handler file and
 * a function signature) and asks the filler only for the function body; the filler must not
 * throw for a gap it cannot fill, but answer with an unfilled {@link GapFill} instead, so one
 * bad gap never stops a generation.
 */
public interface GapFiller {

    /** Who fills, for provenance in the code and the report: {@code template-only}, later e.g. {@code llm:default}. */
    String name();

    GapFill fill(Gap gap, GapContext context);
}
