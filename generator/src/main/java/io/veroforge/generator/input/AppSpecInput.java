package io.veroforge.generator.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code spec} of an AppSpec. {@code delivery}, {@code rollout}, {@code approval},
 * {@code revisionHistoryLimit} and {@code draft} belong to the operator: accepted here so that a whole manifest
 * parses, and otherwise ignored.
 */
public record AppSpecInput(
        String requirements,
        String vertical,
        TemplatePackInput templatePack,
        ComplianceInput compliance,
        List<EntityInput> entities,
        List<RoleInput> roles,
        List<WorkflowInput> workflows,
        List<PageInput> pages,
        AiInput ai,
        JsonNode delivery,
        JsonNode rollout,
        JsonNode approval,
        Integer revisionHistoryLimit,
        Boolean draft) {

    public AppSpecInput {
        entities = Lists.orEmpty(entities);
        roles = Lists.orEmpty(roles);
        workflows = Lists.orEmpty(workflows);
        pages = Lists.orEmpty(pages);
    }
}
