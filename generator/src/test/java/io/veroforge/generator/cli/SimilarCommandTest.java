package io.veroforge.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code similar} with the real sentence model: apps of one trade are nearest, other trades below the minimum or after them. */
class SimilarCommandTest {

    @TempDir
    Path dir;

    @Test
    void theOtherPestControlAppIsNearestAndTheBakeryIsNotAmongTheSimilar() throws IOException {
        Path pests = spec("pests", "pest-control", "Technicians visit homes to treat termites, rodents and cockroaches;"
                + " each treatment has a customer, a property, a technician and the chemicals used.", "Treatment", "Property", "Technician");
        spec("bugs", "pest-control", "We inspect houses for bed bugs and ants, book exterminator visits for each homeowner"
                + " and record which pesticide was applied at every visit.", "Inspection", "Visit", "Homeowner");
        spec("bakery", null, "A bakery sells bread, croissants and cakes; customers order pastries for pick-up and pay at the counter.",
                "Product", "Order");
        spec("clinic", null, "Dentists see patients for check-ups and fillings; each appointment has a patient, a dentist and a treatment plan.",
                "Patient", "Appointment");

        CliRun r = CliRun.of("similar", "-f", pests.toString(), dir.toString(), "--minimum", "0");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3).first().asString().endsWith("bugs.yaml");
        assertThat(lines).noneMatch(l -> l.endsWith("pests.yaml"));
        double bugs = similarity(lines.get(0));
        double bakery = lines.stream().filter(l -> l.endsWith("bakery.yaml")).mapToDouble(SimilarCommandTest::similarity).findFirst().orElse(0);
        assertThat(bugs).isGreaterThan(bakery).isGreaterThanOrEqualTo(0.5);

        CliRun defaults = CliRun.of("similar", "-f", pests.toString(), dir.toString());
        assertThat(defaults.out()).contains("bugs.yaml").doesNotContain("bakery.yaml");
    }

    @Test
    void badOptionsAndMissingFilesAreUsageErrors() throws IOException {
        Path pests = spec("pests", "pest-control", "Technicians treat termites.", "Treatment");
        assertThat(CliRun.of("similar", "-f", pests.toString(), dir.toString(), "--minimum", "2").exit()).isEqualTo(GeneratorCli.EXIT_USAGE);
        CliRun missing = CliRun.of("similar", "-f", pests.toString(), dir.resolve("nowhere").toString());
        assertThat(missing.exit()).isEqualTo(GeneratorCli.EXIT_USAGE);
        assertThat(missing.err()).contains("nowhere: no such file or directory");
    }

    private static double similarity(String line) {
        return Double.parseDouble(line.strip().split("\\s+")[0]);
    }

    private Path spec(String name, String vertical, String requirements, String... entities) throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: veroforge.io/v1alpha1\nkind: AppSpec\nmetadata:\n  name: " + name
                + "\n  namespace: tenant-a\nspec:\n");
        if (vertical != null) {
            yaml.append("  vertical: ").append(vertical).append('\n');
        }
        yaml.append("  requirements: \"").append(requirements).append("\"\n  entities:\n");
        for (String e : entities) {
            yaml.append("    - name: ").append(e).append('\n');
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }
}
