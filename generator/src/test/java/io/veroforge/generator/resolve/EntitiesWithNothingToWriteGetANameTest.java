package io.veroforge.generator.resolve;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.OriginKind;
import io.veroforge.generator.scan.FindingSeverity;
import io.veroforge.generator.scan.ScanReport;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: an entity a create body could hold nothing for (a sparse {@code Locker} in a pest-control
 * app) is given a required name, so the generated API has a validated DTO the scanner accepts, instead
 * of an empty one that failed the Generation at the scan stage.
 */
class EntitiesWithNothingToWriteGetANameTest {

    private static Entity entity(Resolution r, String name) {
        assertThat(r.valid()).as("%s", r.errors()).isTrue();
        return r.model().entity(name).orElseThrow();
    }

    @Test
    void sparseEntityNoOntologyKnowsGetsARequiredNameAndAnAppTheScannerPasses() {
        Resolution r = resolveYaml(manifest("""
                vertical: pest-control
                entities:
                  - name: Technician
                  - name: Locker
                """));
        Entity locker = entity(r, "Locker");
        assertThat(locker.fields()).extracting(Field::name).containsExactly("name");
        Field name = locker.fields().get(0);
        assertThat(name.required()).isTrue();
        assertThat(name.maxLength()).isEqualTo(200);
        assertThat(name.origin().kind()).isEqualTo(OriginKind.DERIVED);
        assertThat(name.origin().detail()).startsWith("Locker declares no fields and matches no ontology entity");

        GeneratedRepository repo = new Synthesizer().synthesize(r.model());
        String dto = repo.files().get("api/src/locker/locker.dto.ts");
        assertThat(dto).contains("@IsString()").contains("@MaxLength(200)").contains("name!: string;");
        ScanReport scan = new SecurityScanner().scan(repo.files());
        assertThat(scan.findings()).as(scan.summary()).filteredOn(f -> f.file().startsWith("api/src/locker/")).isEmpty();
        assertThat(scan.withSeverity(FindingSeverity.HIGH)).as(scan.summary()).isEmpty();
        assertThat(scan.hasCritical()).as(scan.summary()).isFalse();
    }

    @Test
    void entityHoldingOnlyTheParentSideOfAOneToManyGetsANameToo() {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: Shelf
                    relations:
                      - {name: boxes, kind: oneToMany, target: Box}
                  - name: Box
                    fields:
                      - {name: label, type: string, required: true}
                """));
        assertThat(entity(r, "Shelf").fields()).extracting(Field::name).containsExactly("name");
        // the child already has a field and now a foreign key: nothing is added to it
        assertThat(entity(r, "Box").fields()).extracting(Field::name).containsExactly("label");
    }

    @Test
    void entityWithAForeignKeyOrLinksIsLeftAsDeclared() {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: Box
                    fields:
                      - {name: label, type: string, required: true}
                  - name: Placement
                    relations:
                      - {name: box, kind: manyToOne, target: Box, required: true}
                  - name: Tag
                    relations:
                      - {name: boxes, kind: manyToMany, target: Box}
                """));
        assertThat(entity(r, "Placement").fields()).isEmpty();
        assertThat(entity(r, "Tag").fields()).isEmpty();
    }

    @Test
    void sparseEntityTheOntologyKnowsKeepsTheOntologyFieldsOnly() {
        Entity customer = entity(resolveYaml(manifest("""
                entities:
                  - name: Customer
                """)), "Customer");
        assertThat(customer.fields()).extracting(f -> f.origin().kind()).containsOnly(OriginKind.UNIVERSAL);
    }
}
