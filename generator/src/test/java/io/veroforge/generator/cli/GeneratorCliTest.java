package io.veroforge.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.Fixtures;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.overlay.OverlayImprovement;
import io.veroforge.generator.overlay.OverlayReader;
import io.veroforge.generator.overlay.OverlayRepository;
import io.veroforge.generator.synthesize.Pack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GeneratorCliTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    private CliRun run(CommandLine cli, String... args) {
        return CliRun.of(cli, args);
    }

    private String file(String resource) throws IOException {
        Path path = dir.resolve(resource);
        Files.writeString(path, Fixtures.resource(resource));
        return path.toString();
    }

    @Test
    void validateAcceptsAValidSpecWithExitZero() throws IOException {
        CliRun r = run("validate", "-f", file("pest-control-sparse.yaml"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("valid — app bugbusters, 5 entities");
    }

    @Test
    void validateListsEveryErrorWithFileLineAndFixAndExitsOne() throws IOException {
        CliRun r = run("validate", "-f", file("many-problems.yaml"));
        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_INVALID_SPEC);
        assertThat(r.err()).contains("many-problems.yaml:16: error: entities[1].relations[0].target: unknown entity \"Techician\""
                + " — did you mean \"Technician\"?");
        assertThat(r.err()).contains("7 error(s)");   // field "order" is mapped to "jobOrder" (a warning)
    }

    @Test
    void unknownKeysAndWrongTypesAreReportedWithLineNumbers() throws IOException {
        CliRun r = run("validate", "-f", file("unknown-keys.yaml"));
        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_INVALID_SPEC);
        assertThat(r.err()).contains("unknown-keys.yaml:12: error: entities[0].fields[0].requird: unknown key \"requird\" — did you mean \"required\"?")
                .contains("unknown-keys.yaml:15: error: entities[0].fields[1].max: \"lots\" is not a number")
                .contains("unknown-keys.yaml:16: error: rolez: unknown key \"rolez\" — did you mean \"roles\"?");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        CliRun r = run("validate", "-f", file("syntax-error.yaml"));
        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_INVALID_SPEC);
        assertThat(r.err()).contains("syntax-error.yaml:6: error:").contains("YAML syntax error").contains("fix the YAML at line 6");
    }

    @Test
    void wrongKindAndApiVersionAreReported() throws IOException {
        Path path = dir.resolve("tenant.yaml");
        Files.writeString(path, "apiVersion: veroforge.io/v1\nkind: AppSpeck\nspec:\n  vertical: legal\n");
        CliRun r = run("validate", "-f", path.toString());
        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_INVALID_SPEC);
        assertThat(r.err()).contains("apiVersion: unsupported apiVersion \"veroforge.io/v1\" — use apiVersion: veroforge.io/v1alpha1")
                .contains("kind: expected kind AppSpec, found \"AppSpeck\" — did you mean \"AppSpec\"?");
    }

    @Test
    void missingFileExitsTwo() {
        CliRun r = run("validate", "-f", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_USAGE);
        assertThat(r.err()).contains("nope.yaml: no such file");
    }

    @Test
    void missingOptionIsAUsageError() {
        CliRun r = run("validate");
        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_USAGE);
        assertThat(r.err()).contains("Missing required option: '--file=APPSPEC'");
    }

    @Test
    void explainPrintsTheResolvedModelWithProvenance() throws IOException {
        CliRun r = run("explain", "-f", file("clinic.yaml"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("HIPAA  yes  implied by vertical healthcare-clinic")
                .contains("allergies")
                .contains("[encrypted: HIPAA: PHI encrypted at rest with pgcrypto]")
                .contains("<- vertical (healthcare-clinic: Patient)")
                .contains("<- universal (customer)")
                .contains("<- explicit (entities[0])");
    }

    @Test
    void explainShowsWhyASparseEntityNoOntologyKnowsHasAName() throws IOException {
        Path path = dir.resolve("lockers.yaml");
        Files.writeString(path, Fixtures.manifest("""
                vertical: pest-control
                entities:
                  - name: Technician
                  - name: Locker
                """));
        CliRun r = run("explain", "-f", path.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("name +string required .*<- derived \\(Locker declares no fields and matches no ontology entity");
        assertThat(r.err()).contains("entities[1]").contains("one required field, name");
    }

    @Test
    void explainAsJsonIsMachineReadable() throws IOException {
        CliRun r = run("explain", "--format", "json", "-f", file("shop-pci.yaml"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"storage\" : \"TOKENIZED\"").contains("\"name\" : \"corner-shop\"");
    }

    @Test
    void generateWritesTheRepositoryAndSummarizesIt() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = run("generate", "-f", file("pest-control-sparse.yaml"), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(GeneratorCli.EXIT_OK);
        assertThat(r.out()).contains("generated bugbusters into").contains("entities   5").contains("endpoints  26")
                .contains("gaps       0 filled, 2 unfilled")
                .containsPattern("findings   0 critical, 0 high, \\d+ medium, \\d+ low\n")
                .contains("    api/src/health.controller.ts:15: low [unguarded-route] @Get HealthController.health is public (marked @Public())");
        assertThat(out.resolve("db/migrations/V001__schema.sql")).exists();
        assertThat(out.resolve("api/src/job/job.service.ts")).exists();
        assertThat(out.resolve("ui/src/entities/job.tsx")).exists();
    }

    @Test
    void generateOnAnImprovementsOverlayAddsItsFieldsAndNamesTheOverlaysPackRevision() throws IOException {
        Path overlay = dir.resolve("overlay");
        try (OverlayRepository repository = OverlayRepository.openOrCreate(overlay)) {
            repository.apply(new OverlayImprovement(7, "Invoice", null, "date", 12, 12, 0.76, "governance"), Ontology.standard());
        }
        Path out = dir.resolve("out");
        CliRun r = run("generate", "-f", file("pest-control-sparse.yaml"), "-o", out.toString(), "--overlay", overlay.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(GeneratorCli.EXIT_OK);
        String revision = new OverlayReader(Ontology.standard()).read(overlay).applyTo(Pack.nestjsPrismaReact()).revision();
        assertThat(revision).isNotEqualTo(Pack.nestjsPrismaReact().revision());
        assertThat(r.out()).contains("with pack nestjs-prisma-react@" + revision);
        assertThat(Files.readString(out.resolve("api/prisma/schema.prisma"))).contains("extraDate");
    }

    @Test
    void generateRefusesABadOverlayNamingTheFileAndWritesNothing() throws IOException {
        Path overlay = dir.resolve("overlay");
        Files.createDirectories(overlay.resolve("ontology"));
        Files.writeString(overlay.resolve("ontology/Unicorn.yaml"), "fields:\n  - {name: horn, type: text}\n");
        Path out = dir.resolve("out");
        CliRun r = run("generate", "-f", file("pest-control-sparse.yaml"), "-o", out.toString(), "--overlay", overlay.toString());
        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_USAGE);
        assertThat(r.err()).contains("error: --overlay " + overlay + ": ontology/Unicorn.yaml: Unicorn is not an ontology type");
        assertThat(out).doesNotExist();
    }

    @Test
    void generateExitsFourWhenTheScanFindsACriticalAndStillWritesTheOutputForInspection() throws IOException {
        CommandLine.IFactory plantingFactory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == GenerateCommand.class ? type.cast(new GenerateCommand(Fixtures::pipelinePlantingAnInjectableController))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        Path out = dir.resolve("out");
        CliRun r = run(GeneratorCli.commandLine(plantingFactory), "generate", "-f", file("pest-control-sparse.yaml"), "-o", out.toString());

        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_SCAN_FAILED);
        assertThat(r.out()).contains("findings   1 critical, 0 high,").contains("— FAILED")
                .contains("    " + Fixtures.INJECTABLE_CONTROLLER_PATH + ":10: critical [sql-injection] SQL is built by template interpolation — use a");
        assertThat(r.err()).contains("the security scan found 1 critical finding(s)").contains("written for inspection only — do not deploy it");
        assertThat(out.resolve(Fixtures.INJECTABLE_CONTROLLER_PATH)).hasContent(Fixtures.INJECTABLE_CONTROLLER);
    }

    @Test
    void generateWithAnInvalidSpecExitsOneAndWritesNothing() throws IOException {
        Path out = dir.resolve("never");
        CliRun r = run("generate", "-f", file("many-problems.yaml"), "-o", out.toString());
        assertThat(r.exit()).isEqualTo(GeneratorCli.EXIT_INVALID_SPEC);
        assertThat(r.err()).contains("7 error(s): nothing generated");
        assertThat(out).doesNotExist();
    }

    @Test
    void generateRefusesANonEmptyDirectoryUnlessForced() throws IOException {
        Path out = dir.resolve("busy");
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.writeString(out.resolve("keep.txt"), "mine");
        CliRun refused = run("generate", "-f", file("pest-control-sparse.yaml"), "-o", out.toString());
        assertThat(refused.exit()).isEqualTo(GeneratorCli.EXIT_USAGE);
        assertThat(refused.err()).contains("is not empty").contains("--force");
        assertThat(out.resolve("README.md")).doesNotExist();
        CliRun forced = run("generate", "-f", file("pest-control-sparse.yaml"), "-o", out.toString(), "--force");
        assertThat(forced.exit()).isEqualTo(GeneratorCli.EXIT_OK);
        assertThat(out.resolve("README.md")).exists();
        assertThat(out.resolve("keep.txt")).hasContent("mine");
    }
}
