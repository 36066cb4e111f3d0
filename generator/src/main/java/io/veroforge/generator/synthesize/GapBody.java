package io.veroforge.generator.synthesize;

import java.util.List;

/**
 * The TypeScript a gap handler runs.
 *
 * @param typescript statements of {@code async run(ctx: GapContext): Promise<void>}, without the braces
 * @param imports    import lines the statements need, e.g. {@code import { NotImplementedException } from '@nestjs/common';}
 * @param entities   names of entities whose writes the handler checks (business rules), empty = only when called
 * @param filled     true when the body implements the gap (an AI or a person wrote it), false for a stub
 * @param source     who wrote it, e.g. {@code template-only} or {@code ai:<model>}
 */
public record GapBody(String typescript, List<String> imports, List<String> entities, boolean filled, String source) {

    public GapBody {
        imports = List.copyOf(imports);
        entities = List.copyOf(entities);
    }
}
