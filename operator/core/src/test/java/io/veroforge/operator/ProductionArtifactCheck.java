package io.veroforge.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the chart deploys is {@code operator/core/target/quarkus-app}: this lists its dependencies
 * and every class in it, and fails if anything of the local platform got in (the mock API server,
 * the embedded PostgreSQL, the simulated controllers, the run command's classes). Runs in
 * {@code verify}, after {@code quarkus:build} has written the application.
 */
class ProductionArtifactCheck {
    private static final Path APP = Path.of("target", "quarkus-app");
    private static final List<String> FORBIDDEN_ARTIFACTS = List.of(
            "io.fabric8:kubernetes-server-mock", "io.fabric8:mockwebserver", "io.zonky.test", "io.veroforge:veroforge-local-api",
            "io.veroforge:veroforge-operator-local", "io.veroforge:veroforge-crd-validation");
    private static final List<String> FORBIDDEN_CLASSES = List.of(
            "io/fabric8/kubernetes/client/server/mock/", "io/fabric8/mockwebserver/", "io/zonky/", "io/veroforge/localapi/",
            "io/veroforge/operator/local/", "io/veroforge/api/validation/");

    @Test
    void theDeployedOperatorCarriesNothingOfTheLocalPlatform() throws IOException {
        Path dependencies = APP.resolve("quarkus-app-dependencies.txt");
        assertThat(dependencies).as("run after quarkus:build (mvn verify)").exists();
        List<String> artifacts = Files.readAllLines(dependencies);
        assertThat(artifacts).as("the operator's own dependencies are there").anyMatch(a -> a.startsWith("io.veroforge:veroforge-generator:"));
        assertThat(artifacts).filteredOn(a -> FORBIDDEN_ARTIFACTS.stream().anyMatch(a::startsWith)).isEmpty();

        List<String> found = new ArrayList<>();
        int classes = 0;
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (JarFile entries = new JarFile(jar.toFile())) {
                    for (var entry : java.util.Collections.list(entries.entries())) {
                        if (entry.getName().endsWith(".class")) {
                            classes++;
                            if (FORBIDDEN_CLASSES.stream().anyMatch(entry.getName()::startsWith)) {
                                found.add(jar.getFileName() + "!" + entry.getName());
                            }
                        }
                    }
                }
            }
        }
        assertThat(classes).as("classes inspected").isGreaterThan(1000);
        assertThat(found).as("local-platform classes in the production operator").isEmpty();
    }
}
