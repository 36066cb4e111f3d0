package io.veroforge.generator.requirements;

import io.veroforge.generator.input.FieldInput;

/** A field the requirements name, in the AppSpec's shape so the resolver converts it like a written one. */
public record ProposedField(FieldInput field, Provenance provenance) {
}
