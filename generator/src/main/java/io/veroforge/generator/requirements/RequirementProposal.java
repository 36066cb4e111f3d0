package io.veroforge.generator.requirements;

import java.util.List;
import java.util.Optional;

/**
 * What an engine read out of the requirements, before the resolver merges it under the explicit
 * model. Names are the app's names (PascalCase entities, camelCase fields, kebab-case roles).
 *
 * @param vertical the mapping of an unknown vertical, or null when the spec's vertical is known or absent
 * @param notes    what the engine wants the user to know (e.g. a fallback), for {@code explain}
 */
public record RequirementProposal(String engine, String model, List<ProposedEntity> entities, List<ProposedRole> roles,
                                  VerticalMatch vertical, List<String> notes) {

    public RequirementProposal {
        entities = List.copyOf(entities);
        roles = List.copyOf(roles);
        notes = List.copyOf(notes);
    }

    public static RequirementProposal none(String engine, String model) {
        return new RequirementProposal(engine, model, List.of(), List.of(), null, List.of());
    }

    public Optional<ProposedEntity> entity(String name) {
        return entities.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The vertical to read terms from: the mapped one when the mapping was accepted. */
    public Optional<String> mappedVertical() {
        return vertical != null && vertical.accepted() ? Optional.of(vertical.nearest()) : Optional.empty();
    }
}
