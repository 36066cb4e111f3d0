package io.veroforge.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.crdv2.generator.CRDGenerator;

/**
 * The committed CRD YAML (crds/crd/ and the Helm chart's copy) must be exactly what the Java model
 * generates, or a cluster would validate against a schema the operator does not expect.
 */
class CrdDriftTest {
    /** Regenerates both committed copies instead of failing ({@code vf.crds.update} works too, like the other vf.* properties). */
    static final String UPDATE_PROPERTY = "veroforge.crds.update";
    static final String SHORT_UPDATE_PROPERTY = "vf.crds.update";
    static final String UPDATE_COMMAND = "./mvnw -q -pl crds install -D" + UPDATE_PROPERTY + "=true";

    @TempDir
    static Path generated;

    static Path repoRoot;

    @BeforeAll
    static void generateFromModel() {
        repoRoot = RepoRoot.path();
        new CRDGenerator()
                .customResourceClasses(CrdManifests.KINDS.toArray(Class[]::new))
                .inOutputDir(generated.toFile())
                .forCRDVersions("v1")
                .withPostProcessor(new PrinterColumnOrder())
                .generate();
        if (Boolean.getBoolean(UPDATE_PROPERTY) || Boolean.getBoolean(SHORT_UPDATE_PROPERTY)) {
            for (Path target : committedFolders()) {
                copyGeneratedTo(target);
            }
            // the jar is packaged after the tests: refresh its copy too, so this same build ships the new YAML
            copyGeneratedTo(repoRoot.resolve("crds/target/classes").resolve(CrdManifests.RESOURCE_FOLDER));
        }
    }

    @Test
    void generatorWritesOneFilePerKindWithTheNameCrdManifestsExpects() throws IOException {
        assertThat(fileNames(generated))
                .containsExactlyInAnyOrderElementsOf(CrdManifests.KINDS.stream().map(CrdManifests::fileName).toList());
    }

    @Test
    void committedCrdsMatchTheModel() throws IOException {
        assertSameAsGenerated(repoRoot.resolve("crds/crd"));
    }

    @Test
    void helmChartCrdsMatchTheModel() throws IOException {
        assertSameAsGenerated(repoRoot.resolve("helm/veroforge/crds"));
    }

    @Test
    void jarCarriesTheCommittedCrds() throws IOException {
        for (var kind : CrdManifests.KINDS) {
            Path committed = repoRoot.resolve("crds/crd").resolve(CrdManifests.fileName(kind));
            assertThat(CrdManifests.yaml(kind))
                    .as("classpath copy of %s differs from %s; rebuild with ./mvnw -q -pl crds install", CrdManifests.fileName(kind), committed)
                    .isEqualTo(Files.readString(committed));
            assertThat(CrdManifests.definition(kind).getSpec().getNames().getKind()).isEqualTo(kind.getSimpleName());
        }
    }

    private static void assertSameAsGenerated(Path committedFolder) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : fileNames(generated)) {
            Path committed = committedFolder.resolve(name);
            if (!Files.exists(committed)) {
                problems.add(committed + " is missing");
            } else if (!Files.readString(committed).equals(Files.readString(generated.resolve(name)))) {
                problems.add(committed + " differs from what the model in io.veroforge.api.v1alpha1 generates");
            }
        }
        if (Files.isDirectory(committedFolder)) {
            for (String name : fileNames(committedFolder)) {
                if (!Files.exists(generated.resolve(name))) {
                    problems.add(committedFolder.resolve(name) + " belongs to no kind of the model; delete it");
                }
            }
        }
        assertThat(problems)
                .as("CRD YAML is out of date. Regenerate both copies with:%n  %s%n", UPDATE_COMMAND)
                .isEmpty();
    }

    private static List<Path> committedFolders() {
        return List.of(repoRoot.resolve("crds/crd"), repoRoot.resolve("helm/veroforge/crds"));
    }

    private static void copyGeneratedTo(Path target) {
        try {
            Files.createDirectories(target);
            for (String name : fileNames(target)) {
                if (!Files.exists(generated.resolve(name))) {
                    Files.delete(target.resolve(name));
                }
            }
            for (String name : fileNames(generated)) {
                Files.copy(generated.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot update " + target, e);
        }
    }

    private static List<String> fileNames(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::getFileName).map(Path::toString).filter(n -> n.endsWith(".veroforge.io-v1.yml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
    }
}
