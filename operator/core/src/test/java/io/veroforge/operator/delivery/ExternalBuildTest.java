package io.veroforge.operator.delivery;

import static io.veroforge.operator.delivery.DeliveryFixtures.generation;
import static io.veroforge.operator.delivery.DeliveryFixtures.pestControlFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.veroforge.api.v1alpha1.Generation;

class ExternalBuildTest {
    private static final String API = "registry.example.com/acme/pest-control-api@sha256:" + "a".repeat(64);
    private static final String UI = "registry.example.com:5000/acme/pest-control-ui:1.2@sha256:" + "b".repeat(64);
    private final List<BuildComponent> components = BuildComponent.in(pestControlFiles());

    @Test
    void withoutTheAnnotationTheGenerationWaitsNamingItAndTheComponents() {
        BuildProgress progress = ExternalBuild.poll(generation("ns", 3), components);

        assertThat(progress).isEqualTo(new BuildProgress.Waiting("waiting for the repository's CI to report images in annotation"
                + " veroforge.io/images on Generation pest-control-3; missing: api, ui"));
    }

    @Test
    void aPartialReportWaitsForTheMissingComponent() {
        BuildProgress progress = ExternalBuild.poll(annotated("api=" + API), components);

        assertThat(progress).isInstanceOfSatisfying(BuildProgress.Waiting.class,
                w -> assertThat(w.message()).endsWith("missing: ui"));
    }

    @Test
    void aCompleteReportGivesTheImages() {
        BuildProgress progress = ExternalBuild.poll(annotated(" api=" + API + ", ui=" + UI), components);

        assertThat(progress).isInstanceOfSatisfying(BuildProgress.Succeeded.class, s -> {
            assertThat(s.images().of("api")).isEqualTo(API);
            assertThat(s.images().of("ui")).isEqualTo(UI);
        });
    }

    @Test
    void aMalformedReportNamesTheAnnotationAndTheExpectedFormat() {
        assertThatThrownBy(() -> ExternalBuild.poll(annotated("api=registry.example.com/acme/pest-control-api:latest"), components))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("annotation veroforge.io/images on Generation pest-control-3: 'api=registry.example.com/acme/pest-control-api:latest' is not valid")
                .hasMessageContaining("expected <component>=<image>@sha256:<64 hex digits>");
        assertThatThrownBy(() -> ExternalBuild.poll(annotated(API), components)).isInstanceOf(DeliveryException.class);
        assertThatThrownBy(() -> ExternalBuild.poll(annotated("api=" + API + ",api=" + API), components))
                .hasMessageContaining("component api appears twice");
    }

    private static Generation annotated(String images) {
        Generation generation = generation("ns", 3);
        generation.getMetadata().setAnnotations(Map.of(ExternalBuild.IMAGES_ANNOTATION, images));
        return generation;
    }
}
