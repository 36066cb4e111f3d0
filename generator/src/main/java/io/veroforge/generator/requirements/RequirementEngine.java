package io.veroforge.generator.requirements;

import io.veroforge.generator.input.AppSpecInput;

/**
 * Reads an AppSpec's requirements and proposes model elements for them. Implementations must be
 * deterministic for one input (the operator resolves on every reconcile) and must not throw for
 * text they cannot use: they return {@link RequirementProposal#none(String, String)} or a proposal
 * without entities, and the resolver decides whether that is a problem.
 */
public interface RequirementEngine {

    RequirementProposal propose(AppSpecInput spec);
}
