package io.veroforge.operator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.operator.telemetry.TelemetryEvent.Edit;

/** Drift becomes structure: template paths with {entity}, added files by directory only. */
class CustomerEditsTest {
    private static final List<Entity> ENTITIES = List.of(entity("GymMember"), entity("Invoice"));

    @Test
    void aCustomizedGeneratedFileIsNamedByItsTemplatePathWithoutTheCustomersEntityNames() {
        List<Edit> edits = CustomerEdits.of(
                List.of("api/src/gym-members/gym-members.service.ts", "ui/src/pages/GymMemberList.tsx", "api/src/invoices/invoices.controller.ts"),
                Set.of("api/src/gym-members/gym-members.service.ts", "ui/src/pages/GymMemberList.tsx", "api/src/invoices/invoices.controller.ts"),
                ENTITIES);

        assertThat(edits).extracting(Edit::kind).containsOnly("changed_template_file");
        assertThat(edits).extracting(Edit::file).containsExactly(
                "api/src/{entity}/{entity}.service.ts", "ui/src/pages/{entity}List.tsx", "api/src/{entity}/{entity}.controller.ts");
        assertThat(edits.toString()).doesNotContainIgnoringCase("gym").doesNotContainIgnoringCase("invoice");
    }

    @Test
    void aFileTheCustomerAddedIsNamedOnlyByItsDirectoryAndTheSameEditIsReportedOnce() {
        List<Edit> edits = CustomerEdits.of(
                List.of("api/src/gym-members/acme-loyalty-secret.ts", "api/src/gym-members/another-private-name.ts", "NOTES.md"),
                Set.of("api/src/gym-members/gym-members.service.ts"), ENTITIES);

        assertThat(edits).containsExactly(new Edit("added_file", null, null, null, "api/src/{entity}/*"),
                new Edit("added_file", null, null, null, "*"));
        assertThat(edits.toString()).doesNotContain("acme").doesNotContain("private").doesNotContain("NOTES");
    }

    private static Entity entity(String name) {
        return new Entity(name, null, EntityNames.of(name), List.of(), List.of(), null, null, null, null, null);
    }
}
