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

/**
 * Names people really use that are reserved in TypeScript, SQL or Prisma (outsider-specs/reserved-words.yaml) are
 * mapped with a warning instead of refused, everywhere the spec refers to them.
 */
class ReservedNamesTest {

    private static final String SPEC = """
            entities:
              - name: Event
                fields:
                  - {name: title, type: string, required: true}
                  - {name: class, type: enum, values: [gala, conference]}
                  - {name: from, type: datetime, required: true}
                  - {name: order, type: integer}
                  - {name: contactEmail, type: email}
              - name: Class
                fields:
                  - {name: delete, type: boolean}
                relations:
                  - {name: event, kind: manyToOne, target: Event, required: true}
              - name: Decimal
                fields:
                  - {name: id, type: uuid}
                  - {name: createdAt, type: datetime}
                  - {name: scale, type: integer}
            roles:
              - name: planner
                permissions: [{entity: Class, actions: [create, read]}]
            workflows:
              - name: gala-booked
                trigger: {type: fieldChanged, entity: Event, field: class, value: gala}
                actions: [{type: sendEmail, to: "{{contactEmail}}", message: "Starts {{from}}"}]
              - name: class-created
                trigger: {type: entityCreated, entity: Class}
                actions: [{type: notify, message: "Event from {{event.from}}"}]
            pages:
              - {name: classes, kind: list, entity: Class, title: Classes}
            """;

    @Test
    void reservedNamesAreMappedWithAWarningInsteadOfRefused() {
        Resolution r = resolveYaml(manifest(SPEC));

        assertThat(r.errors()).isEmpty();
        Entity event = r.model().entity("Event").orElseThrow();
        assertThat(event.fields()).extracting(Field::name).containsExactly("title", "eventClass", "eventFrom", "eventOrder", "contactEmail");
        assertThat(event.fields()).extracting(Field::column).contains("event_class", "event_from", "event_order");
        Entity klass = r.model().entity("ClassItem").orElseThrow();
        assertThat(klass.names().table()).isEqualTo("class_items");
        assertThat(klass.fields()).extracting(Field::name).containsExactly("classItemDelete");
        assertThat(r.model().entity("DecimalRecord")).isPresent();
        assertThat(r.model().entity("DecimalRecord").orElseThrow().fields()).extracting(Field::name).containsExactly("scale");
        assertThat(r.model().roles()).filteredOn(role -> role.name().equals("planner")).first()
                .satisfies(role -> assertThat(role.permissions()).extracting(p -> p.entity()).containsExactly("ClassItem"));
        assertThat(r.model().workflows().get(0).trigger().field()).isEqualTo("eventClass");
        assertThat(r.model().workflows().get(0).actions().get(0).message()).isEqualTo("Starts {{eventFrom}}");
        assertThat(r.model().workflows().get(1).trigger().entity()).isEqualTo("ClassItem");
        assertThat(r.model().workflows().get(1).actions().get(0).message()).isEqualTo("Event from {{event.eventFrom}}");
        assertThat(r.model().pages()).filteredOn(p -> p.name().equals("classes")).first()
                .satisfies(p -> assertThat(p.entity()).isEqualTo("ClassItem"));

        assertThat(r.warnings()).extracting(Problem::path).contains("entities[0].fields[1].name", "entities[0].fields[2].name",
                "entities[0].fields[3].name", "entities[1].name", "entities[1].fields[0].name", "entities[2].name",
                "entities[2].fields[0].name", "entities[2].fields[1].name");
        assertThat(r.warnings()).filteredOn(p -> p.path().equals("entities[1].name")).first().satisfies(p -> {
            assertThat(p.message()).contains("\"Class\"").contains("\"ClassItem\"").contains("class_items");
            assertThat(p.fix()).contains("ClassItem");
        });

        Map<String, String> files = new Synthesizer().synthesize(r.model()).files();
        assertThat(files.get("db/migrations/V001__schema.sql")).contains("CREATE TABLE class_items").contains("event_from timestamptz NOT NULL");
        assertThat(files).containsKey("api/src/class-item/class-item.service.ts");
    }
}
