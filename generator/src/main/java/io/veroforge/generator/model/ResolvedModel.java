package io.veroforge.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * The complete, resolved application model: the output of {@code resolve} and the input of
 * {@code synthesize}. Lists are in a stable order (declaration order, then ontology order), so
 * the same AppSpec always resolves to an equal model.
 */
public record ResolvedModel(
        String name,
        String namespace,
        String vertical,
        String requirements,
        TemplatePack templatePack,
        ComplianceProfile compliance,
        List<Entity> entities,
        List<Role> roles,
        List<Workflow> workflows,
        List<Page> pages,
        List<Gap> gaps,
        AiSettings ai) {

    public ResolvedModel {
        entities = List.copyOf(entities);
        roles = List.copyOf(roles);
        workflows = List.copyOf(workflows);
        pages = List.copyOf(pages);
        gaps = List.copyOf(gaps);
    }

    public Optional<Entity> entity(String entityName) {
        return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
    }

    public ResolvedModel withEntities(List<Entity> newEntities) {
        return new ResolvedModel(name, namespace, vertical, requirements, templatePack, compliance, newEntities, roles,
                workflows, pages, gaps, ai);
    }

    public ResolvedModel withCompliance(ComplianceProfile newCompliance, List<Entity> newEntities) {
        return new ResolvedModel(name, namespace, vertical, requirements, templatePack, newCompliance, newEntities, roles,
                workflows, pages, gaps, ai);
    }

    public ResolvedModel withTemplatePack(TemplatePack pack) {
        return new ResolvedModel(name, namespace, vertical, requirements, pack, compliance, entities, roles,
                workflows, pages, gaps, ai);
    }

    public ResolvedModel withGaps(List<Gap> newGaps) {
        return new ResolvedModel(name, namespace, vertical, requirements, templatePack, compliance, entities, roles,
                workflows, pages, newGaps, ai);
    }
}
