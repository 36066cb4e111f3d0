package io.veroforge.console.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.console.writes.FieldProblem;

/** The reconciler's problem list (Resolved condition, status.warnings) read back field by field. */
class AppSpecProblemsTest {

    @Test
    void eachProblemOfAnInvalidSpecLandsAtItsField() {
        AppSpec app = withResolved("False", "InvalidSpec", "3 problems: entities[2].relations[0].target: unknown entity "
                + "\"Techician\" — did you mean \"Technician\"?; line 14: entities[0].fields[1].type: \"strng\" is not a type; "
                + "a list; or not — use string; templatePack.revision: revision 9 is not approved — use 2025.06.1", List.of());
        assertThat(AppSpecProblems.of(app).problems()).containsExactly(
                new FieldProblem("spec.entities[2].relations[0].target", "unknown entity \"Techician\" — did you mean \"Technician\"?"),
                new FieldProblem("spec.entities[0].fields[1].type", "\"strng\" is not a type; a list; or not — use string"),
                new FieldProblem("spec.templatePack.revision", "revision 9 is not approved — use 2025.06.1"));
    }

    @Test
    void theCountOfProblemsCutFromTheMessageIsKept() {
        AppSpec app = withResolved("False", "InvalidSpec",
                "40 problems: entities[0].name: must be PascalCase — rename it; … and 39 more", List.of());
        assertThat(AppSpecProblems.of(app).problems()).containsExactly(
                new FieldProblem("spec.entities[0].name", "must be PascalCase — rename it"),
                new FieldProblem("", "… and 39 more"));
    }

    @Test
    void aResolvedSpecHasNoProblemsButItsWarningsAtTheirFields() {
        AppSpec app = withResolved("True", "ResolvedWithWarnings", "4 entities, 0 workflows; 1 warning: vertical: unknown "
                + "(all in status.warnings)", List.of("vertical: \"gym\" is not a known vertical — the generic ontology is used; "
                        + "use fitness", "metadata.name: long"));
        AppSpecProblems problems = AppSpecProblems.of(app);
        assertThat(problems.problems()).isEmpty();
        assertThat(problems.warnings()).containsExactly(
                new FieldProblem("spec.vertical", "\"gym\" is not a known vertical — the generic ontology is used; use fitness"),
                new FieldProblem("metadata.name", "long"));
    }

    @Test
    void textWithoutAPathIsKeptWholeAtNoField() {
        assertThat(AppSpecProblems.atField("the ontology could not be loaded")).isEqualTo(
                new FieldProblem("", "the ontology could not be loaded"));
    }

    private static AppSpec withResolved(String status, String reason, String message, List<String> warnings) {
        AppSpecStatus reported = new AppSpecStatus();
        reported.setConditions(List.of(new ConditionBuilder().withType("Resolved").withStatus(status).withReason(reason)
                .withMessage(message).build()));
        reported.setWarnings(warnings);
        AppSpec app = new AppSpec();
        app.setStatus(reported);
        return app;
    }
}
