package io.veroforge.generator.resolve;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveResource;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.VerticalMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class VerticalsAndDeterminismTest {

    static Stream<String> verticals() {
        return Ontology.standard().verticals().stream().map(VerticalMap::id);
    }

    @Test
    void theOntologyHasAtLeastTwentyVerticals() {
        assertThat(Ontology.standard().verticalIds()).hasSizeGreaterThanOrEqualTo(20).contains(
                "field-service", "healthcare-clinic", "retail", "restaurant", "real-estate", "legal", "education",
                "logistics", "fitness", "property-management", "hotel", "construction", "salon", "veterinary", "accounting",
                "nonprofit", "event-management", "manufacturing", "insurance-brokerage", "auto-repair");
    }

    @ParameterizedTest
    @MethodSource("verticals")
    void everyVerticalResolvesToAValidModelWithItsDefaultRolesAndWorkflows(String vertical) {
        VerticalMap map = Ontology.standard().vertical(vertical).orElseThrow();
        Resolution r = resolveYaml(manifest("vertical: " + vertical + "\n"));

        assertThat(r.errors()).as("errors of %s", vertical).isEmpty();
        ResolvedModel m = r.model();
        assertThat(m.entities()).hasSize(map.terms().size());
        assertThat(m.entities()).allSatisfy(e -> assertThat(e.fields()).isNotEmpty());
        assertThat(m.roles()).hasSize(map.roles().size() + 1); // + admin
        // every default workflow fits when the vertical's whole entity set is there
        assertThat(m.workflows()).hasSize(map.workflows().size());
    }

    @ParameterizedTest
    @MethodSource("verticals")
    void everyVerticalTermNamedAloneResolvesToAValidModel(String vertical) {
        for (var term : Ontology.standard().vertical(vertical).orElseThrow().terms()) {
            Resolution r = resolveYaml(manifest("vertical: " + vertical + "\nentities:\n  - name: " + term.name() + "\n"));
            assertThat(r.errors()).as("%s with only %s", vertical, term.name()).isEmpty();
        }
    }

    @Test
    void resolvingTwiceGivesEqualModelsAndIdenticalSerializedOutput() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String file : new String[] {"pest-control-sparse.yaml", "pest-control-explicit.yaml", "clinic.yaml", "shop-pci.yaml"}) {
            ResolvedModel first = resolveResource(file).model();
            ResolvedModel second = resolveResource(file).model();
            assertThat(second).isEqualTo(first);
            assertThat(json.writeValueAsString(second)).isEqualTo(json.writeValueAsString(first));
        }
    }
}
