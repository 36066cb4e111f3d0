package io.veroforge.generator.requirements;

import static io.veroforge.generator.Fixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.Severity;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import org.junit.jupiter.api.Test;

/**
 * The offline engine loads a native tokenizer and an ONNX model. Where that fails (seen: a second class
 * loader in one JVM, "libtokenizers.so already loaded in another classloader"), a spec still resolves what
 * it declares and says, at {@code requirements}, that they were not read; a requirements-only spec is then
 * refused with a fix instead of the operator failing on an Error.
 */
class AnalyzerUnavailableTest {
    private final AppModelResolver resolver = new AppModelResolver(Ontology.standard(), spec -> {
        throw new ExceptionInInitializerError(new UnsatisfiedLinkError("Native Library libtokenizers.so already loaded in another classloader"));
    });

    @Test
    void theExplicitModelStillResolvesWithAWarningAtRequirements() {
        Resolution r = resolver.resolve(new SpecAnalyzer().analyze(manifest("""
                requirements: Each job has a date and a crew.
                entities:
                  - name: Job
                    fields:
                      - {name: title, type: string, required: true}
                """), "test.yaml"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.model().entities()).extracting(Entity::name).containsExactly("Job");
        assertThat(r.problems()).filteredOn(p -> p.path().equals("requirements")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("requirement analyzer is unavailable", "UnsatisfiedLinkError", "already loaded");
        });
    }

    @Test
    void aRequirementsOnlySpecIsRefusedWithTheFix() {
        Resolution r = resolver.resolve(new SpecAnalyzer().analyze(manifest("""
                vertical: moving-services
                requirements: Dispatchers book moving crews for customers.
                """), "test.yaml"));

        assertThat(r.errors()).extracting(Problem::path).contains("requirements");
    }
}
