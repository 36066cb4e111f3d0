package io.veroforge.generator.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.analyze.AnalyzedSpec;
import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.model.PageKind;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Role;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AppSpec examples the API module ships ({@code crds/examples/appspec-*.yaml}) analyze and resolve to valid models. */
class CrdExamplesTest {

    static final Path EXAMPLES = Path.of("../crds/examples");

    static List<Path> appSpecExamples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> examples = files.filter(f -> f.getFileName().toString().matches("appspec-.*\\.ya?ml")).sorted().toList();
            assertThat(examples).as("AppSpec examples under %s", EXAMPLES).hasSizeGreaterThanOrEqualTo(2);
            return examples;
        }
    }

    private static Resolution resolve(Path file) throws IOException {
        AnalyzedSpec analyzed = new SpecAnalyzer().analyze(file);
        return new AppModelResolver().resolve(analyzed);
    }

    @ParameterizedTest
    @MethodSource("appSpecExamples")
    void everyAppSpecExampleResolvesToAValidModel(Path example) throws IOException {
        Resolution r = resolve(example);
        assertThat(r.errors()).as("errors of %s", example).isEmpty();
        assertThat(r.valid()).isTrue();
        assertThat(r.model().entities()).isNotEmpty();
        assertThat(r.model().entities()).allSatisfy(e -> assertThat(e.fields()).as("fields of %s", e.name()).isNotEmpty());
    }

    @Test
    void thePestControlExampleKeepsWhatItSaysExplicitly() throws IOException {
        ResolvedModel m = resolve(EXAMPLES.resolve("appspec-pest-control.yaml")).model();

        assertThat(m.name()).isEqualTo("pest-control");
        assertThat(m.entity("Customer").orElseThrow().description()).isEqualTo("A household or business that buys pest control services.");
        Role dispatcher = m.roles().stream().filter(r -> r.name().equals("dispatcher")).findFirst().orElseThrow();
        // "*" [create, read, update] plus ServiceVisit [delete]
        assertThat(dispatcher.permissions()).filteredOn(p -> p.entity().equals("ServiceVisit")).singleElement()
                .satisfies(p -> assertThat(p.actions()).hasSize(4));
        assertThat(dispatcher.permissions()).extracting(p -> p.entity()).containsAll(m.entities().stream().map(e -> e.name()).toList());
        assertThat(m.workflows()).extracting(w -> w.name()).startsWith("confirm-visit", "bill-completed-visit", "weekly-unassigned-visits");
        assertThat(m.workflows().get(1).trigger().value()).isEqualTo("completed");
        assertThat(m.workflows().get(1).actions().get(1).to()).isEqualTo("role:office-admin");
        assertThat(m.pages()).filteredOn(p -> p.name().equals("dispatch-board")).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PageKind.KANBAN);
            assertThat(p.field()).isEqualTo("status");
            assertThat(p.title()).isEqualTo("Dispatch board");
            assertThat(p.roles()).containsExactly("dispatcher", "office-admin");
        });
        assertThat(m.ai().maxGapsPerGeneration()).isEqualTo(30);
        // one business-rule gap per requirements sentence; the block text's line wrapping does not split sentences
        assertThat(m.gaps()).hasSize(4);
        assertThat(m.gaps().get(1).description()).isEqualTo("Dispatchers book service visits for customers at their properties,"
                + " assign a technician and track each visit from scheduled to completed.");
    }

    @Test
    void theSparseGymExampleIsFilledFromTheFitnessOntology() throws IOException {
        ResolvedModel m = resolve(EXAMPLES.resolve("appspec-gym-sparse.yaml")).model();
        assertThat(m.vertical()).isEqualTo("fitness");
        assertThat(m.entities()).extracting(e -> e.name()).containsExactly("Member", "MembershipPlan", "ClassSession", "Trainer");
        assertThat(m.roles()).isNotEmpty();
        // the CRD's defaults apply when ai is not written: enabled, 20 gaps
        assertThat(m.ai().enabled()).isTrue();
        assertThat(m.ai().maxGapsPerGeneration()).isEqualTo(20);
    }
}
