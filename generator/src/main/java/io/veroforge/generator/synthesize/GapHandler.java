package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Gap;

/**
 * Where one gap of the model lands in the generated repository: a TypeScript class in its own
 * file whose {@code run(ctx)} body a {@link GapBodyProvider} supplies.
 *
 * @param id        {@code Gap.id()}, e.g. {@code business-rule-requirements-0} (stable across regenerations)
 * @param gap       the gap itself (type, input path, description)
 * @param path      the generated file, e.g. {@code api/src/gaps/business-rule-requirements-0.gap.ts}
 * @param className the exported class, e.g. {@code BusinessRuleRequirements0Handler}
 * @param workflow  the workflow whose custom action this is, or null for business rules
 * @param entity    the entity the custom action's workflow is triggered on, or null
 */
public record GapHandler(String id, Gap gap, String path, String className, String workflow, String entity) {
}
