package io.veroforge.intelligence.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The abstractor, the risk classes and the approval rule, without a database or a broker. */
class ProposalRulesTest {

    @Test
    void manyTenantsAddingAnOptionalFieldBecomeALowRiskOntologyDefault() {
        Draft draft = TemplateAbstractor.propose(edit(Map.of("edit", "added_field", "ontologyType", "Appointment", "fieldType", "date",
                "optional", "true")));

        assertThat(draft.kind()).isEqualTo("ontology_optional_field");
        assertThat(draft.change()).containsEntry("ontologyType", "Appointment")
                .containsEntry("addField", Map.of("name", "extraDate", "type", "date", "required", false));
        assertThat(draft.summary()).contains("optional date field").contains("Appointment").contains("12 tenants");
        assertThat(RiskClassifier.classify(draft).level()).isEqualTo(Risk.Level.low);
    }

    @Test
    void aRequiredFieldOrAnOrdinaryTemplateChangeIsMediumRisk() {
        Draft required = TemplateAbstractor.propose(edit(Map.of("edit", "added_field", "ontologyType", "Invoice", "fieldType", "money",
                "optional", "false")));
        Draft template = TemplateAbstractor.propose(edit(Map.of("edit", "changed_template_file", "file", "ui/src/{entity}/List.tsx")));

        assertThat(required.kind()).isEqualTo("ontology_field");
        assertThat(RiskClassifier.classify(required).level()).isEqualTo(Risk.Level.medium);
        assertThat(template.kind()).isEqualTo("template_review");
        assertThat(RiskClassifier.classify(template).level()).isEqualTo(Risk.Level.medium);
    }

    @Test
    void similarEditsAgreeingOnTheFieldBecomeItsOptionalFormAndOtherwiseAReview() {
        Draft agreed = TemplateAbstractor.propose(new PatternFacts("customer_edit_cluster", Map.of("edit", "added_field", "ontologyType",
                "Invoice", "fieldType", "date", "varies", "optional"), 11, 11, 0.6, "similar"));
        Draft review = TemplateAbstractor.propose(new PatternFacts("customer_edit_cluster", Map.of("edit", "added_field", "ontologyType",
                "Invoice", "varies", "fieldType,optional"), 11, 11, 0.6, "similar"));

        assertThat(agreed.kind()).isEqualTo("ontology_optional_field");
        assertThat(agreed.change()).containsEntry("addField", Map.of("name", "extraDate", "type", "date", "required", false));
        assertThat(RiskClassifier.classify(agreed).level()).isEqualTo(Risk.Level.low);
        assertThat(review.kind()).isEqualTo("ontology_review");
        assertThat(review.change()).containsEntry("ontologyType", "Invoice").containsEntry("varies", java.util.List.of("fieldType", "optional"))
                .doesNotContainKey("fieldType");
        assertThat(review.summary()).contains("11 tenants").contains("fieldType and optional vary");
        assertThat(RiskClassifier.classify(review).level()).isEqualTo(Risk.Level.medium);
    }

    @Test
    void anythingTouchingAuthRowLevelSecurityMigrationsOrTheScannerIsHighRisk() {
        for (String file : new String[] {"api/src/auth/jwt.strategy.ts", "db/rls.sql", "prisma/migrations/0001/migration.sql",
                "api/src/{entity}/{entity}.guard.ts", "scanner/rules.yaml"}) {
            Risk risk = RiskClassifier.classify(TemplateAbstractor.propose(edit(Map.of("edit", "changed_template_file", "file", file))));
            assertThat(risk.level()).as(file).isEqualTo(Risk.Level.high);
            assertThat(risk.reasons()).singleElement().asString().contains("security-relevant");
        }
    }

    @Test
    void failuresBecomeRemediationsWithTheFixForTheirReason() {
        Draft known = TemplateAbstractor.propose(new PatternFacts("failure", Map.of("templateId", "p@1", "stage", "Commit", "error",
                "GitUnavailable"), 11, 40, 0.7, "stage Commit of p@1 failed with GitUnavailable"));
        Draft unknown = TemplateAbstractor.propose(new PatternFacts("failure", Map.of("templateId", "p@1", "stage", "Build", "error",
                "WeirdThing"), 11, 40, 0.7, "stage Build of p@1 failed with WeirdThing"));

        assertThat(known.kind()).isEqualTo("remediation");
        assertThat((String) known.change().get("suggestedFix")).contains("Git server");
        assertThat((String) unknown.change().get("suggestedFix")).contains("Build").contains("WeirdThing");
        assertThat(RiskClassifier.classify(known).level()).isEqualTo(Risk.Level.medium);
    }

    @Test
    void onlyLowRiskWithPassingChecksIsApprovedWithoutAReviewer() {
        Risk low = new Risk(Risk.Level.low, java.util.List.of("additive"));
        assertThat(Governance.autoApproved(low, "passed")).isTrue();
        assertThat(Governance.autoApproved(low, "not_run")).isFalse();
        assertThat(Governance.autoApproved(low, "failed")).isFalse();
        assertThat(Governance.autoApproved(new Risk(Risk.Level.medium, java.util.List.of()), "passed")).isFalse();
        assertThat(Governance.autoApproved(new Risk(Risk.Level.high, java.util.List.of()), "passed")).isFalse();
    }

    private static PatternFacts edit(Map<String, String> parts) {
        return new PatternFacts("customer_edit", parts, 12, 12, 0.76, "customers edited");
    }
}
