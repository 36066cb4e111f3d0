package io.veroforge.generator.ontology;

import io.veroforge.generator.input.RoleInput;
import io.veroforge.generator.input.WorkflowInput;
import java.util.List;
import java.util.Optional;

/**
 * An industry: its terms, the compliance regimes it implies, and its default roles and workflows.
 * Roles and workflows use the AppSpec shape and name entities by term.
 */
public record VerticalMap(String id, String title, List<String> aliases, List<String> compliance,
                          List<VerticalTerm> terms, List<RoleInput> roles, List<WorkflowInput> workflows) {
    public VerticalMap {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        compliance = compliance == null ? List.of() : List.copyOf(compliance);
        terms = terms == null ? List.of() : List.copyOf(terms);
        roles = roles == null ? List.of() : List.copyOf(roles);
        workflows = workflows == null ? List.of() : List.copyOf(workflows);
    }

    public Optional<VerticalTerm> term(String entityName) {
        Optional<VerticalTerm> exact = terms.stream().filter(t -> t.name().equalsIgnoreCase(entityName)).findFirst();
        return exact.isPresent() ? exact : terms.stream().filter(t -> t.answersTo(entityName)).findFirst();
    }
}
