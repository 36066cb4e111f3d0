package io.veroforge.generator.synthesize;

import io.veroforge.generator.gaps.FillProvenance;
import java.util.List;

/**
 * The TypeScript a gap handler runs.
 *
 * @param typescript statements of {@code async run(ctx: GapContext): Promise<void>}, without the braces
 * @param imports    import lines the statements need, e.g. {@code import { NotImplementedException } from '@nestjs/common';}
 * @param entities   names of entities whose writes the handler checks (business rules), empty = only when called
 * @param filled     true when the body implements the gap (an AI or a person wrote it), false for a stub
 * @param source     who wrote it, e.g. {@code template-only} or {@code ai:<model>}
 * @param provenance model, prompt hash, attempts, confidence of an AI-written body (printed in the file header); null otherwise
 * @param note       why a filler left the gap unfilled, for the report; null otherwise
 */
public record GapBody(String typescript, List<String> imports, List<String> entities, boolean filled, String source,
                      FillProvenance provenance, String note) {

    public GapBody {
        imports = List.copyOf(imports);
        entities = List.copyOf(entities);
    }

    public GapBody(String typescript, List<String> imports, List<String> entities, boolean filled, String source) {
        this(typescript, imports, entities, filled, source, null, null);
    }
}
