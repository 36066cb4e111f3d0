package io.veroforge.intelligence.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.veroforge.intelligence.IntelligenceConfig;

/**
 * The checks around the generator process, with real processes standing in for a broken generator:
 * what is not checked says why, a failing generator's output is kept, a hanging one is stopped.
 * (The real generator passing a check is ImprovementLoopTest.)
 */
class ProposalChecksTest {
    private static final Draft ONTOLOGY = new Draft("ontology_optional_field", "add a date",
            Map.of("target", "ontology", "ontologyType", "Appointment", "addField", Map.of("name", "extraDate", "type", "date", "required", false)));

    @TempDir
    Path dir;

    @Test
    void withoutACommandOrForAnotherKindChecksAreNotRunAndSayWhy() {
        assertThat(checks(null, Duration.ofSeconds(5)).check(ONTOLOGY))
                .isEqualTo(new ProposalChecks.Result("not_run", ProposalChecks.NOT_CONFIGURED));
        ProposalChecks.Result review = checks("/bin/true", Duration.ofSeconds(5))
                .check(new Draft("template_review", "review", Map.of("target", "template", "file", "README.md")));
        assertThat(review.state()).isEqualTo("not_run");
        assertThat(review.detail()).contains("template_review is a maintainer's patch");
    }

    @Test
    void aGeneratorThatFailsFailsTheCheckWithItsExitCodeAndFirstLines() throws Exception {
        Path generator = script("echo \"error: something named $2 is wrong\"\nexit 3\n");

        ProposalChecks.Result result = checks(generator.toString(), Duration.ofSeconds(30)).check(ONTOLOGY);

        assertThat(result.state()).isEqualTo("failed");
        assertThat(result.detail()).contains("regenerating universal-sparse.yaml with the change failed (generator exit 3)")
                .contains("error: something named -f is wrong");
    }

    @Test
    void aGeneratorThatSucceedsWithoutTheFieldFailsTheCheck() throws Exception {
        // writes a schema with the model but not the field: the overlay did not apply
        Path generator = script("mkdir -p \"$5/api/prisma\"\nprintf 'model Appointment {\\n  id String @id\\n}\\n' > \"$5/api/prisma/schema.prisma\"\n");

        ProposalChecks.Result result = checks(generator.toString(), Duration.ofSeconds(30)).check(ONTOLOGY);

        assertThat(result.state()).isEqualTo("failed");
        assertThat(result.detail()).contains("Appointment.extraDate is not in its api/prisma/schema.prisma");
    }

    @Test
    void aGeneratorThatHangsIsStoppedAtTheTimeout() throws Exception {
        Path generator = script("sleep 30\n");
        long started = System.nanoTime();

        ProposalChecks.Result result = checks(generator.toString(), Duration.ofSeconds(1)).check(ONTOLOGY);

        assertThat(result.state()).isEqualTo("failed");
        assertThat(result.detail()).contains("took longer than PT1S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aFieldCountsOnlyInsideItsTypesModel() {
        String schema = "model Invoice {\n  extraDate DateTime?\n}\n\nmodel Appointment {\n  id String @id\n  extraDate DateTime?\n}\n";
        assertThat(ProposalChecks.fieldReached(schema, "Appointment", "extraDate")).isTrue();
        assertThat(ProposalChecks.fieldReached(schema.replace("  extraDate DateTime?\n}\n\nmodel Appointment", "}\n\nmodel Appointment")
                .replace("  id String @id\n  extraDate DateTime?", "  id String @id"), "Appointment", "extraDate")).isFalse();
        assertThat(ProposalChecks.fieldReached(schema, "Order", "extraDate")).isFalse();
    }

    private Path script(String body) throws Exception {
        Path script = dir.resolve("generator.sh");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static ProposalChecks checks(String command, Duration timeout) {
        IntelligenceConfig.Checks checks = new IntelligenceConfig.Checks() {
            @Override
            public Optional<String> command() {
                return Optional.ofNullable(command);
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public Optional<String> referenceSpecs() {
                return Optional.empty();
            }
        };
        return new ProposalChecks(new IntelligenceConfig() {
            @Override
            public int kAnonymity() {
                return 10;
            }

            @Override
            public Duration window() {
                return Duration.ofDays(30);
            }

            @Override
            public Duration detectEvery() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration slowStage() {
                return Duration.ofMinutes(2);
            }

            @Override
            public double similarEdits() {
                return 0.5;
            }

            @Override
            public Map<String, String> reviewers() {
                return Map.of();
            }

            @Override
            public Map<String, String> ingestTokens() {
                return Map.of();
            }

            @Override
            public IntelligenceConfig.Checks checks() {
                return checks;
            }
        });
    }
}
