package io.veroforge.generator.requirements;

import io.veroforge.generator.input.RoleInput;

/** A role of the app's users: a person the requirements show doing the work ("Dispatchers book …"). */
public record ProposedRole(RoleInput role, Provenance provenance) {
}
