package io.veroforge.generator.requirements;

import io.veroforge.generator.input.RelationInput;

/** A relation the requirements name; its target is a proposed or explicit entity's name. */
public record ProposedRelation(RelationInput relation, Provenance provenance) {
}
