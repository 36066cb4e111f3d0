package io.veroforge.generator.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veroforge.generator.GenerationPipeline;
import io.veroforge.generator.GenerationResult;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.generator.synthesize.Synthesizer;
import io.veroforge.generator.scan.SecurityScanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay over a real JGit repository: one commit per proposal, read whole or refused whole, folded into the pack revision. */
class ImprovementsOverlayTest {
    private static final Ontology BUILT_IN = Ontology.standard();
    private static final String APP = """
            apiVersion: veroforge.io/v1alpha1
            kind: AppSpec
            metadata: {name: billing, namespace: acme}
            spec:
              entities:
                - name: Invoice
                - name: Customer
                  fields:
                    - {name: name, type: string, required: true, maxLength: 200}
            """;

    private static OverlayImprovement improvement(long proposal, String type, String fieldType) {
        return new OverlayImprovement(proposal, type, null, fieldType, 12, 24, 0.76, "governance");
    }

    @Test
    void anImprovementIsOneCommitNamingItsProposalAndEvidenceAndAReplayCommitsNothing(@TempDir Path dir) throws Exception {
        Path overlay = dir.resolve("overlay");
        try (OverlayRepository repository = OverlayRepository.openOrCreate(overlay)) {
            OverlayRepository.Applied first = repository.apply(improvement(17, "Invoice", "date"), BUILT_IN);
            OverlayRepository.Applied replay = repository.apply(improvement(17, "Invoice", "date"), BUILT_IN);

            assertThat(first.committed()).isTrue();
            assertThat(replay.committed()).isFalse();
            assertThat(replay.commit()).isEqualTo(first.commit());
        }
        try (Git git = Git.open(overlay.toFile())) {
            List<RevCommit> log = StreamSupport.stream(git.log().call().spliterator(), false).toList();
            assertThat(log).hasSize(1);
            assertThat(log.get(0).getFullMessage())
                    .startsWith("Improvement proposal 17: add an optional date field extraDate to Invoice")
                    .contains("Evidence: 12 tenants, 24 events, confidence 0.76", "Approved-By: governance", "Proposal-Id: 17");
        }
        assertThat(Files.readString(overlay.resolve("ontology/Invoice.yaml"))).contains("name: extraDate", "type: date", "proposal: 17");
    }

    @Test
    void theOverlaysContentChangesThePackRevisionAndTheSameContentGivesTheSameRevision(@TempDir Path dir) {
        Pack builtIn = Pack.nestjsPrismaReact();
        OverlayReader reader = new OverlayReader(BUILT_IN);
        assertThat(reader.read(dir.resolve("absent")).applyTo(builtIn).revision()).isEqualTo(builtIn.revision());

        String afterOne;
        String afterTwo;
        try (OverlayRepository repository = OverlayRepository.openOrCreate(dir.resolve("a"))) {
            repository.apply(improvement(1, "Invoice", "date"), BUILT_IN);
            afterOne = reader.read(dir.resolve("a")).applyTo(builtIn).revision();
            repository.apply(improvement(2, "Invoice", "text"), BUILT_IN);
            afterTwo = reader.read(dir.resolve("a")).applyTo(builtIn).revision();
        }
        try (OverlayRepository elsewhere = OverlayRepository.openOrCreate(dir.resolve("b"))) {
            elsewhere.apply(improvement(1, "Invoice", "date"), BUILT_IN);
        }
        assertThat(afterOne).isNotEqualTo(builtIn.revision()).hasSize(12);
        assertThat(afterTwo).isNotEqualTo(afterOne);
        assertThat(reader.read(dir.resolve("b")).applyTo(builtIn).revision()).isEqualTo(afterOne);
        assertThat(reader.read(dir.resolve("a")).fieldsByType().get("Invoice")).extracting(OverlayField::name)
                .containsExactly("extraDate", "extraText");
    }

    @Test
    void aSparseEntityOfTheTypeGetsTheFieldAndAnEntityDeclaringItsOwnFieldsGetsNothing(@TempDir Path dir) {
        try (OverlayRepository repository = OverlayRepository.openOrCreate(dir)) {
            repository.apply(improvement(5, "Invoice", "date"), BUILT_IN);
            repository.apply(improvement(6, "Customer", "text"), BUILT_IN);
        }
        ImprovementsOverlay overlay = new OverlayReader(BUILT_IN).read(dir);
        GenerationResult improved = new GenerationPipeline(overlay.applyTo(BUILT_IN),
                new Synthesizer().withPack(overlay.applyTo(Pack.nestjsPrismaReact()))::synthesize, new SecurityScanner())
                .generate(APP, "billing.yaml");
        GenerationResult before = new GenerationPipeline().generate(APP, "billing.yaml");

        assertThat(improved.errors()).isEmpty();
        Field added = entity(improved, "Invoice").fields().stream().filter(f -> f.name().equals("extraDate")).findFirst().orElseThrow();
        assertThat(added.required()).isFalse();
        assertThat(entity(before, "Invoice").fields()).extracting(Field::name).doesNotContain("extraDate");
        assertThat(entity(improved, "Customer").fields()).extracting(Field::name).containsExactly("name");
        String schema = improved.repository().files().get("api/prisma/schema.prisma");
        assertThat(schema).contains("extraDate");
        assertThat(improved.repository().revision()).isEqualTo(overlay.applyTo(Pack.nestjsPrismaReact()).revision())
                .isNotEqualTo(before.repository().revision());
    }

    @Test
    void aBadOverlayIsRefusedWholeNamingEachFileAndTheFix(@TempDir Path dir) throws Exception {
        write(dir, "ontology/Invoice.yaml", "fields:\n  - {name: extraDate, type: date, proposal: 3}\n");
        write(dir, "ontology/Unicorn.yaml", "fields:\n  - {name: horn, type: text}\n");
        write(dir, "ontology/Customer.yaml", "fields:\n  - {name: email, type: email}\n  - {name: tier, type: enum}\n");
        write(dir, "ontology/Order.yaml", "fields:\n  - {name: note, type: text, colour: red}\n");
        write(dir, "packs/api/main.ts", "console.log('no')\n");

        assertThatThrownBy(() -> new OverlayReader(BUILT_IN).read(dir))
                .isInstanceOfSatisfying(OverlayRefusedException.class, e -> assertThat(e.problems()).satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).startsWith("ontology/Customer.yaml: fields[0].name").contains("already has a field or relation email"),
                        p -> assertThat(p).startsWith("ontology/Customer.yaml: fields[1].type").contains("enums need values"),
                        p -> assertThat(p).startsWith("ontology/Order.yaml: not readable").contains("colour", "fields: [{name"),
                        p -> assertThat(p).startsWith("ontology/Unicorn.yaml").contains("not an ontology type", "Invoice"),
                        p -> assertThat(p).startsWith("packs/api/main.ts").contains("only ontology/<OntologyType>.yaml")));
    }

    @Test
    void anImprovementThatDoesNotFitCommitsNothing(@TempDir Path dir) throws Exception {
        try (OverlayRepository repository = OverlayRepository.openOrCreate(dir)) {
            repository.apply(improvement(1, "Invoice", "date"), BUILT_IN);
            assertThatThrownBy(() -> repository.apply(improvement(2, "Unicorn", "date"), BUILT_IN))
                    .isInstanceOf(OverlayRefusedException.class).hasMessageContaining("Unicorn is not an ontology type");
            assertThatThrownBy(() -> repository.apply(new OverlayImprovement(3, "Invoice", "extraDate", "text", 10, 10, 0.5, "alice"), BUILT_IN))
                    .isInstanceOf(OverlayRefusedException.class).hasMessageContaining("already has a field or relation extraDate");
            assertThat(repository.commitFor(2)).isEmpty();
            assertThat(repository.commitFor(3)).isEmpty();
        }
        try (Git git = Git.open(dir.toFile())) {
            assertThat(git.log().call()).hasSize(1);
            assertThat(git.status().call().isClean()).isTrue();
        }
        assertThat(dir.resolve("ontology/Unicorn.yaml")).doesNotExist();
    }

    @Test
    void onlyWhatIsCommittedIsRead(@TempDir Path dir) throws Exception {
        try (OverlayRepository repository = OverlayRepository.openOrCreate(dir)) {
            repository.apply(improvement(1, "Invoice", "date"), BUILT_IN);
        }
        String committed = new OverlayReader(BUILT_IN).read(dir).revision();
        write(dir, "ontology/Invoice.yaml", "fields:\n  - {name: extraDate, type: date}\n  - {name: draft, type: text}\n");
        write(dir, "ontology/Unicorn.yaml", "not even yaml: [\n");

        ImprovementsOverlay read = new OverlayReader(BUILT_IN).read(dir);
        assertThat(read.revision()).isEqualTo(committed);
        assertThat(read.fieldsByType().get("Invoice")).extracting(OverlayField::name).containsExactly("extraDate");
    }

    private static Entity entity(GenerationResult result, String name) {
        return result.model().entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static void write(Path root, String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
