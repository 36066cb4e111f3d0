package io.veroforge.intelligence.proposals;

import java.util.Map;

/**
 * Suggested fixes for the failure reasons the pipeline reports (the Generation condition
 * reasons of docs/generations.md). An unknown reason still gets a fix naming where to look.
 */
final class Remedies {
    private static final Map<String, String> BY_REASON = Map.ofEntries(
            Map.entry("GitUnavailable", "The platform's Git remote refused or timed out for many tenants: check the Git server's health and credentials; the pipeline retries on its own once it answers."),
            Map.entry("TypeCheckFailed", "Generated code does not type-check for many tenants: the template emits invalid TypeScript for some model shape; reproduce with `veroforge generate` on a spec from the failing stage and fix the template."),
            Map.entry("ScanFailed", "The security scanner blocks this template's output: fix the template so it emits parameterised queries and escaped output."),
            Map.entry("MigrationFailed", "Migrations fail for many tenants: check the migration planner's output for this template revision (destructive steps, constraints on existing rows)."),
            Map.entry("BuildFailed", "Builds fail for many tenants: check the pack's package.json pins and the build image."),
            Map.entry("DeployFailed", "Deployments fail for many tenants: check the generated manifests (probes, resources) against the tenants' quotas."),
            Map.entry("VerifyFailed", "Deployed apps fail their checks for many tenants: run the generated e2e suite for this template revision."));

    private Remedies() {
    }

    static String forFailure(String stage, String reason) {
        String known = BY_REASON.get(reason);
        if (known != null) {
            return known;
        }
        return "Stage " + (stage.isEmpty() ? "(run)" : stage) + " fails with " + reason
                + " for many tenants: look at the Generations' conditions for this reason and fix the template or the stage.";
    }
}
