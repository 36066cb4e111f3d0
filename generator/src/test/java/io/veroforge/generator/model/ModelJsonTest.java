package io.veroforge.generator.model;

import static io.veroforge.generator.Fixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.veroforge.generator.Fixtures;
import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.VerticalMap;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The model the operator stores as {@code new ObjectMapper().valueToTree(model)} reads back equal and generates the same code. */
class ModelJsonTest {

    private static final Path REPO = Path.of(System.getProperty("vf.repo.root", "..")).toAbsolutePath().normalize();

    static Stream<Arguments> models() throws IOException {
        List<Arguments> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPO.resolve("crds/examples"))) {
            for (Path example : files.filter(f -> f.getFileName().toString().matches("appspec-.*\\.ya?ml")).sorted().toList()) {
                models.add(Arguments.of(example.getFileName().toString(), valid(new AppModelResolver().resolve(new SpecAnalyzer().analyze(example)))));
            }
        }
        assertThat(models).as("AppSpec examples under %s", REPO.resolve("crds/examples")).hasSizeGreaterThanOrEqualTo(2);
        for (String resource : List.of("clinic.yaml", "shop-pci.yaml", "retail-store.yaml", "pest-control-explicit.yaml")) {
            models.add(Arguments.of(resource, valid(Fixtures.resolveResource(resource))));
        }
        for (VerticalMap vertical : Ontology.standard().verticals()) {
            models.add(Arguments.of("vertical " + vertical.id(), valid(Fixtures.resolveYaml(manifest("vertical: " + vertical.id() + "\n")))));
        }
        return models.stream();
    }

    private static ResolvedModel valid(Resolution resolution) {
        assertThat(resolution.errors()).isEmpty();
        return resolution.model();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theOperatorsStoredTreeReadsBackToAnEqualModelThatGeneratesTheSameRepository(String source, ResolvedModel model) {
        JsonNode stored = new ObjectMapper().valueToTree(model);

        ResolvedModel read = ModelJson.fromTree(stored);

        assertThat(read).isEqualTo(model);
        var synthesizer = new Synthesizer(new TemplateOnlyGapFiller());
        assertThat(synthesizer.synthesize(read).files()).isEqualTo(synthesizer.synthesize(model).files());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theJsonTextReadsBackToAnEqualModel(String source, ResolvedModel model) {
        assertThat(ModelJson.toTree(model)).isEqualTo(new ObjectMapper().valueToTree(model));
        assertThat(ModelJson.fromJson(ModelJson.toJson(model))).isEqualTo(model);
    }

    @Test
    void aPropertyThatIsNoComponentIsRejectedSoARenameIsNoticed() {
        ObjectNode tree = (ObjectNode) ModelJson.toTree(Fixtures.resolveResource("clinic.yaml").model());
        tree.put("tenant", "acme");

        assertThatThrownBy(() -> ModelJson.fromTree(tree)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    }

    @Test
    void aMissingComponentIsRejectedInsteadOfReadAsNull() {
        ObjectNode tree = (ObjectNode) ModelJson.toTree(Fixtures.resolveResource("clinic.yaml").model());
        tree.remove("templatePack");

        assertThatThrownBy(() -> ModelJson.fromTree(tree)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("templatePack");
    }

    @Test
    void aDerivedIsAccessorWrittenByJacksonIsSkippedOnReading() {
        Problem problem = Problem.error("entities[0].name", "missing", "add a name");
        JsonNode stored = new ObjectMapper().valueToTree(problem);
        assertThat(stored.has("error")).as("Jackson writes isError() as \"error\"").isTrue();

        assertThat(ModelJson.read(stored, Problem.class)).isEqualTo(problem);
    }
}
