package io.veroforge.generator.resolve;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveResource;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.GapType;
import io.veroforge.generator.model.OnDelete;
import io.veroforge.generator.model.OriginKind;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.RelationKind;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Role;
import org.junit.jupiter.api.Test;

class OntologyResolutionTest {

    private static ResolvedModel valid(Resolution r) {
        assertThat(r.errors()).as("errors").isEmpty();
        return r.model();
    }

    private static Entity entity(ResolvedModel m, String name) {
        return m.entity(name).orElseThrow(() -> new AssertionError("no entity " + name));
    }

    private static Field field(ResolvedModel m, String entity, String field) {
        return entity(m, entity).field(field).orElseThrow(() -> new AssertionError("no field " + entity + "." + field));
    }

    private static Relation relation(ResolvedModel m, String entity, String relation) {
        return entity(m, entity).relation(relation).orElseThrow(() -> new AssertionError("no relation " + entity + "." + relation));
    }

    @Test
    void sparseFieldServiceSpecResolvesToACompleteValidModelWithProvenance() {
        ResolvedModel m = valid(resolveResource("pest-control-sparse.yaml"));

        assertThat(m.name()).isEqualTo("bugbusters");
        assertThat(m.entities()).extracting(Entity::name).containsExactly("Customer", "Technician", "Job", "Treatment", "Invoice");
        assertThat(m.entities()).allSatisfy(e -> {
            assertThat(e.fields()).isNotEmpty();
            assertThat(e.origin().kind()).isEqualTo(OriginKind.EXPLICIT);
        });
        assertThat(entity(m, "Technician").concept()).isEqualTo("employee");
        assertThat(field(m, "Technician", "fullName").origin().kind()).isEqualTo(OriginKind.UNIVERSAL);
        assertThat(field(m, "Technician", "licenseNumber").origin().detail()).isEqualTo("field-service: Technician");
        assertThat(field(m, "Job", "status").values()).contains("scheduled", "dispatched");
        assertThat(field(m, "Job", "status").origin().kind()).isEqualTo(OriginKind.VERTICAL);

        Relation technician = relation(m, "Job", "technician");
        assertThat(technician.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
        assertThat(technician.owning()).isTrue();
        assertThat(technician.foreignKeyColumn()).isEqualTo("technician_id");
        assertThat(technician.inverseName()).isEqualTo("jobs");
        Relation inverse = relation(m, "Technician", "jobs");
        assertThat(inverse.kind()).isEqualTo(RelationKind.ONE_TO_MANY);
        assertThat(inverse.origin().kind()).isEqualTo(OriginKind.DERIVED);
        // the parent's cascade lands on the child's foreign key
        assertThat(relation(m, "Treatment", "job").onDelete()).isEqualTo(OnDelete.CASCADE);
        assertThat(relation(m, "Job", "customer").onDelete()).isEqualTo(OnDelete.RESTRICT);
        // a universal relation named after its concept takes the vertical's word
        assertThat(relation(m, "Invoice", "job").target()).isEqualTo("Job");

        assertThat(m.roles()).extracting(Role::name).containsExactly("dispatcher", "technician", "admin");
        assertThat(entity(m, "Job").ownerField()).isEqualTo("ownerId");
        assertThat(m.workflows()).extracting(w -> w.name()).containsExactly("notify-customer-on-job-done", "morning-dispatch-digest");
        assertThat(m.pages()).isNotEmpty();
        assertThat(m.gaps()).extracting(g -> g.type()).containsExactly(GapType.BUSINESS_RULE, GapType.BUSINESS_RULE);
        assertThat(m.gaps().get(0).description()).isEqualTo("Technicians may not be assigned more than 6 jobs per day.");
    }

    @Test
    void explicitFieldsRelationsRolesAndWorkflowsWinOverDefaults() {
        ResolvedModel m = valid(resolveResource("pest-control-explicit.yaml"));

        Field email = field(m, "Customer", "email");
        assertThat(email.required()).isTrue();
        assertThat(email.unique()).isTrue();
        assertThat(email.origin().kind()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(email.path()).isEqualTo("entities[0].fields[0]");
        // defaults that were not overridden stay, in the default order, explicit additions come last
        assertThat(entity(m, "Customer").fields()).extracting(Field::name).startsWith("name", "email", "phone").contains("loyaltyTier");
        assertThat(relation(m, "Job", "technician").required()).isTrue();
        assertThat(relation(m, "Job", "technician").origin().kind()).isEqualTo(OriginKind.EXPLICIT);

        Role dispatcher = m.roles().stream().filter(r -> r.name().equals("dispatcher")).findFirst().orElseThrow();
        assertThat(dispatcher.origin().kind()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(dispatcher.permissions()).hasSize(1);
        // explicit pages come first and are extra pages: the default dashboard and per-entity pages stay
        assertThat(m.pages().get(0)).satisfies(p -> {
            assertThat(p.name()).isEqualTo("dispatch");
            assertThat(p.title()).isEqualTo("Dispatch");
            assertThat(p.roles()).containsExactly("dispatcher");
            assertThat(p.origin().kind()).isEqualTo(OriginKind.EXPLICIT);
        });
        assertThat(m.pages()).extracting(p -> p.name()).contains("dashboard", "job-list", "job-detail", "job-form", "customer-list");
        assertThat(m.gaps()).anySatisfy(g -> {
            assertThat(g.type()).isEqualTo(GapType.CUSTOM_ACTION);
            assertThat(g.path()).isEqualTo("workflows[0].actions[0]");
        });
    }

    @Test
    void entityNamedByAnAliasGetsTheTermDefaultsAndRelationsFollowIt() {
        ResolvedModel m = valid(resolveYaml(manifest("""
                vertical: pest-control
                entities:
                  - name: WorkOrder
                  - name: Treatment
                  - name: Client
                """)));
        assertThat(m.vertical()).isEqualTo("field-service");
        assertThat(field(m, "WorkOrder", "serviceType").origin().detail()).isEqualTo("field-service: Job");
        assertThat(relation(m, "Treatment", "job").target()).isEqualTo("WorkOrder");
        assertThat(relation(m, "WorkOrder", "client").target()).isEqualTo("Client"); // named after the app's word
    }

    @Test
    void verticalWithoutEntitiesTakesAllItsTerms() {
        ResolvedModel m = valid(resolveYaml(manifest("vertical: logistics\n")));
        assertThat(m.entities()).extracting(Entity::name).contains("Shipment", "Driver", "Vehicle", "TrackingEvent");
        assertThat(entity(m, "Shipment").origin().kind()).isEqualTo(OriginKind.VERTICAL);
        // two relations to Location get distinct inverse names
        assertThat(entity(m, "Location").relations()).extracting(Relation::name).contains("shipmentsAsOrigin", "shipmentsAsDestination");
    }

    @Test
    void defaultRelationsToEntitiesTheAppDoesNotHaveAreLeftOut() {
        ResolvedModel m = valid(resolveYaml(manifest("""
                vertical: field-service
                entities:
                  - name: Job
                """)));
        assertThat(entity(m, "Job").relations()).isEmpty();
        assertThat(m.workflows()).extracting(w -> w.name()).doesNotContain("notify-customer-on-job-done");
    }

    @Test
    void manyToManyUsesOneJoinTableFromBothSides() {
        ResolvedModel m = valid(resolveYaml(manifest("vertical: fitness\n")));
        Relation attendees = relation(m, "ClassSession", "attendees");
        Relation back = relation(m, "Member", attendees.inverseName());
        assertThat(attendees.joinTable()).isEqualTo("class_sessions_members").isEqualTo(back.joinTable());
        assertThat(attendees.relationName()).isEqualTo(back.relationName());
    }
}
