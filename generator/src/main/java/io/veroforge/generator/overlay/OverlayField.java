package io.veroforge.generator.overlay;

import io.veroforge.generator.input.FieldInput;
import java.util.List;

/**
 * One default field an improvement adds to an ontology type: always optional (the change kind
 * {@code ontology_optional_field}), so no existing row or form breaks.
 *
 * @param proposal the intelligence engine's proposal id that added it
 */
public record OverlayField(String name, String type, Long proposal) {

    FieldInput input() {
        return new FieldInput(name, type, "added by improvement proposal " + proposal, false, null, null, null, null, null, null,
                List.of(), List.of());
    }
}
