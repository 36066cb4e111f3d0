package io.veroforge.generator.overlay;

import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.synthesize.Pack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read and checked improvements overlay: the optional default fields it adds per ontology type
 * (a universal entity's name: {@code Appointment}, {@code Invoice}) and its revision, a hash of
 * its content ({@code ""} when it adds nothing). Applying it to the ontology and the pack is all
 * the generator needs to generate with the improvements.
 */
public record ImprovementsOverlay(String revision, Map<String, List<OverlayField>> fieldsByType) {

    private static final ImprovementsOverlay EMPTY = new ImprovementsOverlay("", Map.of());

    public ImprovementsOverlay {
        Map<String, List<OverlayField>> copy = new LinkedHashMap<>();
        fieldsByType.forEach((type, fields) -> copy.put(type, List.copyOf(fields)));
        fieldsByType = Map.copyOf(copy);
    }

    public static ImprovementsOverlay empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return fieldsByType.isEmpty();
    }

    /** The built-in ontology with the overlay's fields after each type's own defaults. */
    public Ontology applyTo(Ontology base) {
        Map<String, List<FieldInput>> inputs = new LinkedHashMap<>();
        fieldsByType.forEach((type, fields) -> inputs.put(type, fields.stream().map(OverlayField::input).toList()));
        return base.withAddedFields(inputs);
    }

    /** The pack whose revision names this overlay too, so a changed overlay is a changed pack revision. */
    public Pack applyTo(Pack base) {
        return base.withOverlay(revision);
    }

    public int fieldCount() {
        return fieldsByType.values().stream().mapToInt(List::size).sum();
    }
}
