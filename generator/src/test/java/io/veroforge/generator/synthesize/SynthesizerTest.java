package io.veroforge.generator.synthesize;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.Fixtures;
import io.veroforge.generator.model.ResolvedModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthesize stage without npm: determinism, headers, and the structure of key files. */
class SynthesizerTest {

    private static ResolvedModel model(String spec) {
        var resolution = Fixtures.resolveResource(spec);
        assertThat(resolution.errors()).isEmpty();
        return resolution.model();
    }

    @Test
    void sameModelGivesByteIdenticalTreesOnDisk(@TempDir Path tmp) throws Exception {
        for (String spec : List.of("pest-control-sparse.yaml", "clinic.yaml", "retail-store.yaml")) {
            new Synthesizer().synthesize(model(spec)).writeTo(tmp.resolve("a-" + spec));
            new Synthesizer().synthesize(model(spec)).writeTo(tmp.resolve("b-" + spec));
            List<Path> a = files(tmp.resolve("a-" + spec));
            List<Path> b = files(tmp.resolve("b-" + spec));
            assertThat(a).isEqualTo(b).isNotEmpty();
            for (Path p : a) {
                assertThat(Files.readAllBytes(tmp.resolve("b-" + spec).resolve(p))).as(p.toString())
                        .isEqualTo(Files.readAllBytes(tmp.resolve("a-" + spec).resolve(p)));
            }
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Every spec that resolves: the AppSpec examples, the valid test specs and the 20-entity benchmark. */
    private static final List<Path> DIGESTED_SPECS = List.of(
            Path.of("../crds/examples/appspec-gym-sparse.yaml"), Path.of("../crds/examples/appspec-pest-control.yaml"),
            Path.of("src/test/resources/appspecs/clinic.yaml"), Path.of("src/test/resources/appspecs/pest-control-explicit.yaml"),
            Path.of("src/test/resources/appspecs/pest-control-sparse.yaml"), Path.of("src/test/resources/appspecs/retail-store.yaml"),
            Path.of("src/test/resources/appspecs/shop-pci.yaml"), Path.of("src/bench/resources/bench/facility-ops-20.yaml"));
    private static final Path TREE_DIGESTS = Path.of("src/test/resources/synthesize/generated-trees.sha256");
    private static final String UPDATE_DIGESTS = "veroforge.updateTreeDigests";

    /**
     * A refactoring of the view model or templates must not change what is generated: every file of
     * every digested spec hashes to the value pinned in {@code generated-trees.sha256}. The pack
     * revision is masked, since it changes with every template edit even when no output does. When an
     * output change is intended, regenerate the list with {@code -Dveroforge.updateTreeDigests=true}
     * and commit it with the change (its diff shows which files changed).
     */
    @Test
    void examplesGenerateExactlyThePinnedTrees() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (Path spec : DIGESTED_SPECS) {
            var resolution = Fixtures.resolveYaml(Files.readString(spec));
            assertThat(resolution.errors()).as(spec.toString()).isEmpty();
            GeneratedRepository repo = new Synthesizer().synthesize(resolution.model());
            String name = spec.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            repo.files().forEach((path, content) -> actual.put(name + " " + path, digest(content.replace(repo.revision(), "<revision>"))));
        }
        if (Boolean.getBoolean(UPDATE_DIGESTS)) {
            List<String> lines = new ArrayList<>(List.of("# <spec> <generated path> <first 16 hex digits of the SHA-256 of the file, pack revision masked>",
                    "# regenerate: ./mvnw -pl generator -am test -Dtest=SynthesizerTest -D" + UPDATE_DIGESTS + "=true"));
            actual.forEach((key, hash) -> lines.add(key + " " + hash));
            Files.write(TREE_DIGESTS, lines, StandardCharsets.UTF_8);
        }
        Map<String, String> pinned = new TreeMap<>();
        for (String line : Files.readAllLines(TREE_DIGESTS, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int last = line.lastIndexOf(' ');
                pinned.put(line.substring(0, last), line.substring(last + 1));
            }
        }
        Set<String> keys = new TreeSet<>(pinned.keySet());
        keys.addAll(actual.keySet());
        List<String> changed = keys.stream().filter(k -> !Objects.equals(pinned.get(k), actual.get(k)))
                .map(k -> k + (pinned.containsKey(k) ? actual.containsKey(k) ? " changed" : " no longer generated" : " newly generated")).toList();
        assertThat(changed).as("generated files that differ from %s (intended? rerun with -D%s=true)", TREE_DIGESTS, UPDATE_DIGESTS)
                .isEmpty();
    }

    private static String digest(String content) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    @Test
    void everyFileStartsWithThePackHeaderInItsOwnSyntaxExceptDocumentedJson() {
        GeneratedRepository repo = new Synthesizer().synthesize(model("clinic.yaml"));
        String revision = repo.revision();
        assertThat(revision).matches("[0-9a-f]{12}");
        String text = "Generated by VeroForge pack nestjs-prisma-react@" + revision + ". ";
        for (Map.Entry<String, String> f : repo.files().entrySet()) {
            String path = f.getKey();
            String first = f.getValue().lines().findFirst().orElse("");
            if (path.endsWith("package.json")) {
                assertThat(f.getValue()).as(path).contains("\"//\": \"" + text);
            } else if (path.equals("mobile/app.json")) {
                assertThat(first).as(path).isEqualTo("{");
            } else {
                assertThat(first).as(path).contains(text).containsAnyOf(FileHeader.SAFE, FileHeader.REGENERATED)
                        .matches("^(// |-- |# |<!-- ).*");
            }
        }
        assertThat(repo.files().keySet()).noneMatch(p -> p.startsWith("api/src/gaps/") && p.endsWith(".gap.ts")); // the clinic has no requirements text
        assertThat(repo.files().get("api/.env.example")).startsWith("# " + text + "safe to edit");
    }

    @Test
    void migrationsForceRowLevelSecurityOnEveryTenantTableAndEncryptPhi() {
        GeneratedRepository repo = new Synthesizer().synthesize(model("clinic.yaml"));
        String schema = repo.files().get("db/migrations/V001__schema.sql");
        for (String table : List.of("patients", "providers", "appointments", "clinical_notes")) {
            assertThat(schema).contains("CREATE TABLE " + table + " (")
                    .contains("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;")
                    // the setting read once per statement (an InitPlan), '' as unset as NULL
                    .contains("CREATE POLICY tenant_isolation ON " + table
                            + "\n  USING (tenant_id = (select nullif(current_setting('veroforge.tenant_id', true), '')))\n"
                            + "  WITH CHECK (tenant_id = (select nullif(current_setting('veroforge.tenant_id', true), '')));")
                    .contains("CREATE INDEX IF NOT EXISTS " + table + "_list_idx ON " + table + " (tenant_id, created_at DESC, id);");
        }
        long tables = schema.lines().filter(l -> l.startsWith("CREATE TABLE")).count();
        long policies = schema.lines().filter(l -> l.startsWith("CREATE POLICY tenant_isolation")).count();
        assertThat(policies).isEqualTo(tables);
        assertThat(schema).contains("CREATE EXTENSION IF NOT EXISTS pgcrypto;").contains("  medical_history bytea,")
                .contains("FOREIGN KEY (tenant_id, patient_id) REFERENCES patients (tenant_id, id) ON DELETE RESTRICT");
        String audit = repo.files().get("db/migrations/V002__audit.sql");
        assertThat(audit).contains("CREATE TABLE audit_log").contains("CREATE TRIGGER patients_audit AFTER INSERT OR UPDATE OR DELETE ON patients");
    }

    @Test
    void apiFilesFollowTheModel() {
        GeneratedRepository repo = new Synthesizer().synthesize(model("pest-control-sparse.yaml"));
        Map<String, String> f = repo.files();
        assertThat(f).containsKeys("api/src/job/job.controller.ts", "api/src/job/job.service.ts", "api/src/job/job.dto.ts",
                "api/src/job/job.module.ts", "ui/src/entities/job.tsx", "api/test/tenant-isolation.e2e-spec.ts",
                "deploy/helm/bugbusters/Chart.yaml", "deploy/k8s/migration-job.yaml", ".github/workflows/ci.yml");
        assertThat(f.get("api/src/job/job.dto.ts")).contains("@IsIn(['scheduled', 'dispatched', 'inProgress', 'completed', 'cancelled'])")
                .contains("@MaxLength(40)").contains("customerId!: string;").contains("technicianId?: string | null;");
        assertThat(f.get("api/src/auth/permissions.ts")).contains("read: { roles: ['dispatcher', 'admin'], ownRowsRoles: ['technician'] }");
        assertThat(f.get("api/prisma/schema.prisma")).contains("provider     = \"prisma-client\"")
                .contains("customer Customer @relation(\"JobCustomer\", fields: [customerId], references: [id], onDelete: Restrict)");
        assertThat(f.get("api/package.json")).doesNotContain("\"^").doesNotContain("\"~").contains("\"@prisma/adapter-pg\": \"");
        // the two requirement sentences became loud stubs
        assertThat(f.get("api/src/gaps/business-rule-requirements-0.gap.ts"))
                .contains("Promise.reject(new NotImplementedException('VeroForge gap business-rule-requirements-0: Technicians may not")
                .contains("import { NotImplementedException } from '@nestjs/common';")
                .contains("readonly filled = false;");
        assertThat(repo.summary().gapsUnfilled()).isEqualTo(2);
        assertThat(repo.summary().entities()).isEqualTo(5);
        assertThat(repo.summary().files()).isEqualTo(f.size());
    }

    @Test
    void aGapFillerSuppliesHandlerBodies() {
        GapBodyProvider filler = (handler, m) -> new GapBody("await Promise.resolve(ctx.row); // " + handler.id(), List.of(), List.of("Job"), true, "ai:test");
        GeneratedRepository repo = new Synthesizer(filler).synthesize(model("pest-control-sparse.yaml"));
        assertThat(repo.files().get("api/src/gaps/business-rule-requirements-1.gap.ts"))
                .contains("await Promise.resolve(ctx.row); // business-rule-requirements-1")
                .contains("readonly entities: readonly string[] = ['Job'];").doesNotContain("NotImplementedException");
        assertThat(repo.summary().gapsFilled()).isEqualTo(2);
        assertThat(repo.summary().gapsUnfilled()).isZero();
    }
}
