package io.veroforge.generator.analyze;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.synthesize.Synthesizer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10, class 5: snake_case names (pasted from a database) are accepted, mapped for the stack, columns kept. */
class SnakeCaseNamesTest {

    @Test
    void snakeCaseNamesAreMappedWithAWarningAndColumnsStaySnakeCase() {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: work_order
                    fields:
                      - {name: due_date, type: date, required: true}
                      - {name: customer_email, type: email}
                      - {name: created_at, type: datetime}
                    relations:
                      - {name: assigned_technician, kind: manyToOne, target: technician}
                  - name: technician
                    fields: [{name: full_name, type: string, required: true}]
                roles:
                  - name: dispatcher
                    permissions: [{entity: work_order, actions: [read]}]
                workflows:
                  - name: notify-due
                    trigger: {type: fieldChanged, entity: work_order, field: due_date}
                    actions: [{type: sendEmail, to: "{{customer_email}}", message: "Due {{due_date}}"}]
                """));
        assertThat(r.errors()).isEmpty();
        Entity order = r.model().entities().get(0);
        assertThat(order.name()).isEqualTo("WorkOrder");
        assertThat(order.names().table()).isEqualTo("work_orders");
        assertThat(order.fields()).extracting(Field::name).containsExactly("dueDate", "customerEmail");
        assertThat(order.fields()).extracting(Field::column).containsExactly("due_date", "customer_email");
        assertThat(order.relation("assignedTechnician").orElseThrow().target()).isEqualTo("Technician");
        assertThat(r.model().workflows().get(0).trigger().field()).isEqualTo("dueDate");
        assertThat(r.warnings()).extracting(Problem::path).contains("entities[0].name", "entities[0].fields[0].name",
                "entities[0].fields[2].name", "entities[0].relations[0].name", "entities[1].name");
        assertThat(r.warnings()).filteredOn(p -> p.path().equals("entities[0].name")).first()
                .satisfies(p -> assertThat(p.fix()).isEqualTo("rename it to \"WorkOrder\" to silence this warning"));

        Map<String, String> files = new Synthesizer().synthesize(r.model()).files();
        assertThat(files.get("db/migrations/V001__schema.sql")).contains("CREATE TABLE work_orders").contains("due_date date NOT NULL")
                .contains("assigned_technician_id");
        assertThat(files).containsKey("api/src/work-order/work-order.service.ts");
        assertThat(files.get("api/src/work-order/work-order.dto.ts")).contains("dueDate!: string");
    }
}
