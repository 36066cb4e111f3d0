package io.veroforge.console.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.veroforge.api.v1alpha1.CompressedJson;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationSpec;
import io.veroforge.console.Apps;

/** The diagram is the recorded model: a box per entity, a line per relation (both sides drawn once), provenance on each. */
class ModelDiagramTest {

    @Test
    void boxesLinesAndProvenanceComeFromTheRecordedModel() {
        ModelDiagram diagram = ModelDiagram.of(recording(Apps.resolvedModel()));
        assertThat(diagram.boxes()).extracting(ModelDiagram.Box::name).containsExactly("Customer", "Technician", "ServiceVisit", "Invoice");
        assertThat(diagram.links()).extracting(ModelDiagram.Link::label)
                .containsExactly("customer (many-to-one)", "technician (many-to-one)", "visit (one-to-one)");
        // Customer and ServiceVisit are the ends of the first row: their line curves below it, past Technician
        assertThat(diagram.links().get(0).path()).contains(" Q ");
        assertThat(diagram.links().get(1).path()).contains(" L ");
        assertThat(diagram.links().get(0).provenance()).isEqualTo("ServiceVisit.customer — explicit: spec.entities (entities[1].relations[0]) → Customer");
        assertThat(diagram.boxes().get(3).provenance())
                .isEqualTo("Invoice — requirements: embedding all-minilm-l6-v2, \"each visit is invoiced\", confidence 0.87");
        assertThat(diagram.boxes().get(3).inferred()).isTrue();
        assertThat(diagram.boxes().get(0).inferred()).isFalse();
        assertThat(diagram.boxes().get(0).fields()).extracting(ModelDiagram.FieldLine::text)
                .containsExactly("name: string", "email: email", "phone: phone?");
        assertThat(diagram.boxes().get(0).fields().get(0).provenance()).isEqualTo("name — explicit: spec.entities (entities[0].fields[0])");
        // three per row: Invoice starts the second row, under Customer and below the first row's boxes
        assertThat(diagram.boxes().get(3).x()).isEqualTo(diagram.boxes().get(0).x());
        assertThat(diagram.boxes().get(3).y()).isGreaterThan(diagram.boxes().get(2).y() + diagram.boxes().get(2).height());
    }

    @Test
    void withoutAGenerationOrAReadableModelItSaysWhy() {
        assertThat(ModelDiagram.of(null).problem()).startsWith("no Generation yet");
        Generation garbled = recording(null);
        garbled.getSpec().setCompressedModel("not base64 gzip");
        assertThat(ModelDiagram.of(garbled).problem()).startsWith("the model recorded by g-1 (spec.compressedModel) cannot be read");
    }

    private static Generation recording(com.fasterxml.jackson.databind.JsonNode model) {
        Generation generation = new Generation();
        generation.setMetadata(new ObjectMetaBuilder().withName("g-1").build());
        GenerationSpec spec = new GenerationSpec();
        spec.setCompressedModel(model == null ? null : CompressedJson.encode(model));
        generation.setSpec(spec);
        return generation;
    }
}
