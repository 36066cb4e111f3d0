package io.veroforge.generator.resolve;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.Regime;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, class 4: an entity that declares fields is exactly what it declares — the ontology adds
 * nothing (no required full name, no card number switching PCI on) and only suggests; the entity
 * opts in with {@code ontologyDefaults: true}; an entity without fields keeps today's filling.
 */
class DeclaredEntitiesAreNotPaddedTest {

    private static Entity entity(Resolution r, String name) {
        return r.model().entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void declaredFieldsGetNothingFromTheOntologyOnlySuggestions() {
        Resolution r = resolveYaml(manifest("""
                vertical: retail
                entities:
                  - name: Payment
                    fields: [{name: amount, type: money, required: true}]
                  - name: Customer
                    fields: [{name: nickname, type: string}]
                """));
        assertThat(r.errors()).isEmpty();
        assertThat(entity(r, "Payment").fields()).extracting(Field::name).containsExactly("amount");
        assertThat(entity(r, "Customer").fields()).extracting(Field::name).containsExactly("nickname");
        assertThat(r.model().compliance().applies(Regime.PCI)).as("no card number was added, so no PCI").isFalse();
        assertThat(r.suggestions()).extracting(OntologySuggestion::entity).contains("Payment", "Customer");
        assertThat(r.suggestions()).anySatisfy(s -> assertThat(s.element()).startsWith("cardNumber: string"));
        assertThat(r.suggestions()).allSatisfy(s -> assertThat(s.path()).startsWith("entities["));
    }

    @Test
    void ontologyDefaultsTrueAddsThemNextToTheDeclaredFields() {
        Resolution r = resolveYaml(manifest("""
                vertical: retail
                entities:
                  - name: Customer
                    ontologyDefaults: true
                    fields: [{name: nickname, type: string}]
                """));
        assertThat(r.errors()).isEmpty();
        assertThat(entity(r, "Customer").fields()).extracting(Field::name).contains("nickname").hasSizeGreaterThan(2);
        assertThat(r.suggestions()).isEmpty();
    }

    @Test
    void sparseEntitiesKeepTheirDefaultsAndFalseTurnsThemOff() {
        Resolution r = resolveYaml(manifest("""
                vertical: retail
                entities:
                  - name: Customer
                  - name: Product
                    ontologyDefaults: false
                    fields: []
                    relations: [{name: customer, kind: manyToOne, target: Customer}]
                """));
        assertThat(entity(r, "Customer").fields()).hasSizeGreaterThan(1);
        assertThat(entity(r, "Product").fields()).isEmpty();
        assertThat(entity(r, "Product").relations()).extracting(io.veroforge.generator.model.Relation::name).containsExactly("customer");
    }

    @Test
    void defaultsTurnedOffWithNothingDeclaredIsRefusedWithTheFix() {
        Resolution r = resolveYaml(manifest("""
                vertical: retail
                entities:
                  - name: Customer
                  - name: Product
                    ontologyDefaults: false
                    relations: [{name: customers, kind: oneToMany, target: Customer}]
                """));
        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("entities[1].fields");
            assertThat(p.message()).contains("Product declares no fields and turns the ontology's defaults off");
            assertThat(p.fix()).isEqualTo("declare at least one field, or remove ontologyDefaults: false");
        });
    }
}
