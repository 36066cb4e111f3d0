package io.veroforge.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/**
 * docs/reference/ holds one page per kind rendered from the committed CRDs ({@link CrdReference});
 * a schema change without the regenerated page fails here, so the reference never drifts.
 */
class CrdReferenceTest {
    private static final Path FOLDER = RepoRoot.path().resolve("docs/reference");

    @Test
    void referencePagesMatchTheCrds() throws IOException {
        boolean update = Boolean.getBoolean(CrdDriftTest.UPDATE_PROPERTY) || Boolean.getBoolean(CrdDriftTest.SHORT_UPDATE_PROPERTY);
        List<String> problems = new ArrayList<>();
        List<String> expectedFiles = new ArrayList<>();
        for (CustomResourceDefinition crd : CrdManifests.definitions()) {
            String file = crd.getSpec().getNames().getPlural() + ".md";
            expectedFiles.add(file);
            check(FOLDER.resolve(file), CrdReference.render(crd), update, problems);
        }
        expectedFiles.add("README.md");
        check(FOLDER.resolve("README.md"), index(CrdManifests.definitions()), update, problems);
        try (Stream<Path> files = Files.list(FOLDER)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !expectedFiles.contains(n))
                    .forEach(n -> problems.add("docs/reference/" + n + " belongs to no kind; delete it"));
        }
        assertThat(problems).as("CRD reference is out of date. Regenerate it with:%n  %s%n", CrdDriftTest.UPDATE_COMMAND).isEmpty();
    }

    @Test
    void everyFieldOfEveryKindIsListed() {
        for (CustomResourceDefinition crd : CrdManifests.definitions()) {
            String page = CrdReference.render(crd);
            var schema = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
            for (String field : schema.getProperties().keySet()) {
                assertThat(page).as("%s reference lists spec.%s", crd.getSpec().getNames().getKind(), field).contains("`spec." + field + "`");
            }
        }
        String tenants = CrdReference.render(CrdManifests.definition(Tenant.class));
        assertThat(tenants).contains("| `spec.tier` | string |  | required; ").contains("one of `basic`, `enterprise`, `pro`");
    }

    private static String index(List<CustomResourceDefinition> crds) {
        StringBuilder index = new StringBuilder("# API reference (`veroforge.io/v1alpha1`)\n\n")
                .append("Generated from the CRDs in `crds/crd/` by `CrdReferenceTest` (regenerate with `")
                .append(CrdDriftTest.UPDATE_COMMAND).append("`). For what the operator does with each field, see the guides in `docs/`.\n\n")
                .append("| kind | scope | short names |\n|---|---|---|\n");
        for (CustomResourceDefinition crd : crds) {
            var names = crd.getSpec().getNames();
            index.append("| [").append(names.getKind()).append("](").append(names.getPlural()).append(".md) | ")
                    .append(crd.getSpec().getScope()).append(" | ")
                    .append(names.getShortNames() == null ? "" : String.join(", ", names.getShortNames())).append(" |\n");
        }
        return index.toString();
    }

    private static void check(Path file, String expected, boolean update, List<String> problems) throws IOException {
        if (update) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        } else if (!Files.exists(file)) {
            problems.add(file + " is missing");
        } else if (!Files.readString(file).equals(expected)) {
            problems.add(file + " differs from what the CRD says");
        }
    }
}
