package io.veroforge.generator.resolve;

import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Severity;
import io.veroforge.generator.requirements.RequirementProposal;
import java.util.List;

/**
 * The result of resolving an AppSpec: the model (null only when the YAML could not be read at
 * all) and every problem found on the way, errors and warnings, in document order; plus what the
 * ontology would have added to entities that declare their own fields ({@code explain} shows it),
 * and what the requirement analyzer proposed (its engine, model and vertical mapping).
 */
public record Resolution(ResolvedModel model, List<Problem> problems, List<OntologySuggestion> suggestions,
                         RequirementProposal requirements) {

    public Resolution {
        problems = List.copyOf(problems);
        suggestions = List.copyOf(suggestions);
        requirements = requirements == null ? RequirementProposal.none("none", "none") : requirements;
    }

    public Resolution(ResolvedModel model, List<Problem> problems, List<OntologySuggestion> suggestions) {
        this(model, problems, suggestions, null);
    }

    public Resolution(ResolvedModel model, List<Problem> problems) {
        this(model, problems, List.of());
    }

    /** True when there is a model and no error: the model may go on to synthesis. */
    public boolean valid() {
        return model != null && errors().isEmpty();
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
