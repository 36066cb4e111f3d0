package io.veroforge.intelligence.proposals;

/**
 * What goes on {@code veroforge_improvements} once a proposal is approved: the change, its risk
 * and evidence as counts, and who approved it. Nothing names a tenant.
 *
 * @param change JSON: the overlay change (see {@link TemplateAbstractor})
 */
public record ImprovementMessage(long proposalId, long patternId, String kind, String summary, String change, String risk,
        Evidence evidence, String checks, String approvedBy, String approvedAt) {

    public record Evidence(int tenants, long events, double confidence) {
    }
}
