package io.veroforge.generator.requirements;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.OriginKind;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.proof.AppProof;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.synthesize.Synthesizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Issue 11 §1: a spec with only requirements (and a vertical the ontology does not know) resolves
 * to the entities its sentences name, with provenance; explicit elements always win; a spec whose
 * requirements name nothing is still refused at {@code requirements} with a fix.
 */
class RequirementsOnlySpecTest {

    static final String MOVING = """
            vertical: moving-services
            requirements: |
              Dispatchers book moving crews for customers; each job has a pickup and a drop-off address,
              a crew, a date and an invoice.
            """;

    @Test
    void theMovingCompanyExampleResolvesToJobCrewCustomerAndInvoice() {
        Resolution r = resolveYaml(manifest(MOVING).replace("name: test", "name: movers"));
        assertThat(r.errors()).isEmpty();
        ResolvedModel m = r.model();
        assertThat(m.entities()).extracting(Entity::name).containsExactlyInAnyOrder("Job", "Crew", "Customer", "Invoice");

        Entity job = entity(m, "Job");
        assertThat(job.field("pickupAddress")).map(Field::type).contains(FieldType.STRING);
        assertThat(job.field("dropOffAddress")).map(Field::type).contains(FieldType.STRING);
        assertThat(job.field("date")).map(Field::type).contains(FieldType.DATE);
        assertThat(job.relation("crew")).map(Relation::target).contains("Crew");
        assertThat(job.relation("invoice")).map(Relation::target).contains("Invoice");
        assertThat(job.origin().kind()).isEqualTo(OriginKind.REQUIREMENTS);
        assertThat(job.origin().detail()).contains("embedding all-minilm-l6-v2", "each job has a pickup", "confidence");
        assertThat(job.field("date").orElseThrow().origin().kind()).isEqualTo(OriginKind.REQUIREMENTS);
        // a known concept keeps the ontology's well-typed defaults
        assertThat(entity(m, "Invoice").field("amount")).map(Field::type).contains(FieldType.MONEY);
        assertThat(m.roles()).extracting(io.veroforge.generator.model.Role::name).contains("dispatcher", "admin");
        assertThat(r.requirements().vertical()).isNotNull();
        assertThat(r.requirements().vertical().requested()).isEqualTo("moving-services");
    }

    @Test
    void explicitElementsAlwaysWin() {
        Resolution r = resolveYaml(manifest(MOVING + """
                entities:
                  - name: Job
                    fields:
                      - {name: date, type: datetime, required: true}
                """));
        assertThat(r.errors()).isEmpty();
        Entity job = entity(r.model(), "Job");
        assertThat(job.origin().kind()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(job.field("date").orElseThrow().type()).isEqualTo(FieldType.DATETIME);
        assertThat(job.field("date").orElseThrow().origin().kind()).isEqualTo(OriginKind.EXPLICIT);
        // the analyzer never adds to an explicit entity
        assertThat(job.fields().stream().filter(f -> f.origin().kind() == OriginKind.REQUIREMENTS)).isEmpty();
        assertThat(job.field("pickupAddress")).isEmpty();
    }

    @Test
    void thePestControlExampleGetsNoEntityFromWordsLikeHomes() throws Exception {
        Resolution r = new AppModelResolver().resolve(new SpecAnalyzer().analyze(Path.of("../crds/examples/appspec-pest-control.yaml")));
        assertThat(r.errors()).isEmpty();
        assertThat(r.model().entities()).extracting(Entity::name)
                .containsExactly("Customer", "Property", "Technician", "ServiceVisit", "Treatment")
                .doesNotContain("Home", "Business", "Homeowner");
        assertThat(r.model().entities()).allSatisfy(e -> assertThat(e.origin().kind()).isEqualTo(OriginKind.EXPLICIT));
    }

    @Test
    void requirementsThatNameNothingAreRefusedAtRequirementsWithAFix() {
        Resolution r = resolveYaml(manifest("""
                requirements: |
                  Make it fast, simple and nice to use.
                """));
        assertThat(r.valid()).isFalse();
        Problem p = r.errors().stream().filter(e -> e.path().equals("requirements")).findFirst().orElseThrow();
        assertThat(p.message()).contains("requirements name nothing");
        assertThat(p.fix()).contains("declare entities", "each job has");
    }

    @Test
    void theSameSpecGivesTheSameModel() {
        ResolvedModel a = resolveYaml(manifest(MOVING)).model();
        ResolvedModel b = resolveYaml(manifest(MOVING)).model();
        assertThat(a).isEqualTo(b);
    }

    /** Slow (npm install, tsc, migrations, e2e against PostgreSQL): run once, like the other generated-app proofs. */
    @Test
    @Tag("generated-apps")
    @DisabledIfSystemProperty(named = "skipApps", matches = ".*")
    void theMovingCompanyAppGeneratesAndWorks() throws Exception {
        Resolution r = resolveYaml(manifest(MOVING).replace("name: test", "name: movers"));
        assertThat(r.errors()).isEmpty();
        AppProof.Report report = AppProof.standard().prove("movers", new Synthesizer().synthesize(r.model()));
        System.out.println("requirements-only app: " + report.summary());
        assertThat(report.passed()).as(report.summary() + "\n" + report.failure()).isTrue();
    }

    private static Entity entity(ResolvedModel m, String name) {
        List<Entity> found = m.entities().stream().filter(e -> e.name().equals(name)).toList();
        assertThat(found).as("entity " + name).hasSize(1);
        return found.get(0);
    }
}
