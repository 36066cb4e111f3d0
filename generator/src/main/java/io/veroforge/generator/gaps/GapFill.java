package io.veroforge.generator.gaps;

import io.veroforge.generator.model.Gap;
import java.util.List;

/**
 * The code for one gap.
 *
 * @param gap        the gap filled
 * @param body       TypeScript statements for the body of the handler function (no signature,
 *                   no surrounding braces), valid inside a sync or async function
 * @param imports    import lines the body needs in the handler file, e.g.
 *                   {@code import { NotImplementedException } from '@nestjs/common';}
 * @param filled     true when the body implements the gap; false for a marked stub that fails at runtime
 * @param filler     {@link GapFiller#name()} of who wrote it
 * @param targetFile the file the body goes into (from the {@link GapContext})
 * @param provenance who wrote an AI fill and how it was validated; null for template-only and hand-written fills
 * @param note       why a gap is not filled when a filler tried (e.g. the validation errors of the last attempt,
 *                   or the provider failure), null otherwise
 */
public record GapFill(Gap gap, String body, List<String> imports, boolean filled, String filler, String targetFile,
                      FillProvenance provenance, String note) {
    public GapFill {
        imports = List.copyOf(imports);
    }

    public GapFill(Gap gap, String body, List<String> imports, boolean filled, String filler, String targetFile) {
        this(gap, body, imports, filled, filler, targetFile, null, null);
    }

    /** The same fill with a note saying why it is what it is. */
    public GapFill withNote(String why) {
        return new GapFill(gap, body, imports, filled, filler, targetFile, provenance, why);
    }

    public String gapId() {
        return gap.id();
    }
}
