package io.veroforge.operator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.CompressedJson;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationSpec;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.api.v1alpha1.MigrationStep;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.migrate.PlannedStep;
import io.veroforge.generator.resolve.AppModelResolver;

/**
 * Generations and plans recorded before the model and the SQL were kept compressed still read
 * the same: a run resumed by a newer operator generates and migrates exactly what it would have.
 */
class RecordedShapesTest {
    private static final ObjectMapper BINDER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aModelRecordedVerbatimReadsAsTheSameModelAsACompressedOne() throws Exception {
        AppSpec app;
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("vf.repo.root", "../.."), "crds", "examples", "appspec-pest-control.yaml"))) {
            app = Serialization.unmarshal(in, AppSpec.class);
        }
        JsonNode tree = new ObjectMapper().valueToTree(new AppModelResolver()
                .resolve("pest-control", "tenant-acme", BINDER.convertValue(app.getSpec(), AppSpecInput.class)).model());

        Generation verbatim = generation(spec -> spec.setModel(tree));
        Generation compressed = generation(spec -> spec.setCompressedModel(CompressedJson.encode(tree)));

        assertThat(GeneratedCode.modelOf(compressed)).isEqualTo(GeneratedCode.modelOf(verbatim));
        assertThat(GeneratedCode.modelOf(verbatim).entities()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aPlanWithItsSqlInEachStepMigratesTheSameAsACompressedOne() {
        List<PlannedStep> planned = List.of(new PlannedStep("create table visits", "CREATE TABLE visits (id text);", false),
                new PlannedStep("drop column visits.notes", "ALTER TABLE visits DROP COLUMN notes;", true));
        MigrationPlan old = new MigrationPlan();
        old.setSteps(planned.stream().map(s -> new MigrationStep(s.description(), s.sql(), s.destructive())).toList());
        MigrationPlan compressed = new MigrationPlan();
        compressed.setSteps(planned.stream().map(s -> new MigrationStep(s.description(), null, s.destructive())).toList());
        compressed.setCompressedSql(CompressedJson.encode(planned.stream().map(PlannedStep::sql).toList()));

        assertThat(MigrationPlanning.toGenerator(old).steps()).isEqualTo(planned);
        assertThat(MigrationPlanning.toGenerator(compressed).steps()).isEqualTo(planned);
        assertThat(compressed.isDestructive()).isTrue();
    }

    private static Generation generation(java.util.function.Consumer<GenerationSpec> model) {
        GenerationSpec spec = new GenerationSpec();
        model.accept(spec);
        Generation g = new Generation();
        g.setSpec(spec);
        return g;
    }
}
