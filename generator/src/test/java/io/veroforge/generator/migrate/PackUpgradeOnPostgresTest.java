package io.veroforge.generator.migrate;

import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.TemplatePack;
import io.veroforge.generator.node.CommandRunner;
import io.veroforge.generator.synthesize.SchemaSql;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app whose schema was written by an older pack revision (the fixture is the real output of
 * {@code nestjs-prisma-react@84db550782d1}, from before the tenant policy read its setting once per statement
 * and before the list-order and trigram indexes) is migrated on real PostgreSQL with the planned steps, and
 * ends with exactly the indexes and policies a fresh install of this revision has. Running the plan a second
 * time changes nothing (the upgrade statements are idempotent).
 */
class PackUpgradeOnPostgresTest {

    private static final String OLD_REVISION = "84db550782d1";
    private static final String PREFIX = "vf_pack_upgrade_" + ProcessHandle.current().pid();
    private static final String ROLE = PREFIX + "_app";
    private static final String MIGRATED = PREFIX + "_migrated";
    private static final String FRESH = PREFIX + "_fresh";
    private static final String CATALOG = "select tablename || ' ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'"
            + " union all select tablename || ' ' || policyname || ' ' || qual || ' ' || with_check from pg_policies order by 1";

    private final CommandRunner runner = new CommandRunner();
    @TempDir
    Path dir;

    @BeforeEach
    void databases() throws Exception {
        dropAll();
        admin("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE");
        admin("CREATE DATABASE " + MIGRATED + " OWNER " + ROLE);
        admin("CREATE DATABASE " + FRESH + " OWNER " + ROLE);
    }

    @AfterEach
    void dropAll() throws Exception {
        admin("DROP DATABASE IF EXISTS " + MIGRATED + " WITH (FORCE)");
        admin("DROP DATABASE IF EXISTS " + FRESH + " WITH (FORCE)");
        admin("DROP ROLE IF EXISTS " + ROLE);
    }

    @Test
    void anAppFromTheOlderRevisionGetsThePoliciesAndIndexesOfAFreshInstall() throws Exception {
        ResolvedModel model = resolveYaml(fixture("appspec.yaml")).model();
        ResolvedModel deployed = model.withTemplatePack(new TemplatePack(TemplatePack.DEFAULT_NAME, OLD_REVISION));
        ResolvedModel next = model.withTemplatePack(new TemplatePack(TemplatePack.DEFAULT_NAME, new Synthesizer().synthesize(model).revision()));
        asApp(MIGRATED, fixture("V001__schema.sql"));
        String before = catalog(MIGRATED);
        assertThat(before).doesNotContain("_list_idx").doesNotContain("NULLIF");

        MigrationPlan plan = MigrationPlanner.plan(deployed, next);
        String sql = plan.steps().stream().map(PlannedStep::sql).reduce("", String::concat);
        asApp(MIGRATED, sql);
        asApp(FRESH, SchemaSql.of(next).schemaFile());

        String fresh = catalog(FRESH);
        assertThat(fresh).contains("gadgets_list_idx", "widgets_list_idx", "gadgets_label_trgm_idx", "( SELECT NULLIF(current_setting(");
        assertThat(catalog(MIGRATED)).isEqualTo(fresh);
        assertThat(plan.destructive()).isFalse();

        asApp(MIGRATED, sql);
        assertThat(catalog(MIGRATED)).as("the plan run twice").isEqualTo(fresh);
    }

    @Test
    void theSameRevisionPlansNoUpgrade() {
        ResolvedModel model = resolveYaml(fixture("appspec.yaml")).model().withTemplatePack(new TemplatePack(TemplatePack.DEFAULT_NAME, OLD_REVISION));
        assertThat(MigrationPlanner.plan(model, model).steps()).isEmpty();
    }

    private String catalog(String db) throws Exception {
        CommandRunner.Outcome out = runner.run(dir, Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", ROLE, "-d", db, "-v", "ON_ERROR_STOP=1",
                "-q", "-At", "-c", CATALOG);
        assertThat(out.succeeded()).as(out.describe()).isTrue();
        return out.output();
    }

    private void asApp(String db, String sql) throws Exception {
        Path file = Files.writeString(dir.resolve("step.sql"), sql, StandardCharsets.UTF_8);
        CommandRunner.Outcome out = runner.run(dir, Map.of(), 120, "psql", "-h", "127.0.0.1", "-U", ROLE, "-d", db, "-v", "ON_ERROR_STOP=1",
                "-q", "--single-transaction", "-f", file.toString());
        assertThat(out.succeeded()).as(out.describe()).isTrue();
    }

    private void admin(String sql) throws Exception {
        CommandRunner.Outcome out = runner.run(Path.of("."), Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-q", "-c", sql);
        assertThat(out.succeeded()).as(out.describe()).isTrue();
    }

    private static String fixture(String name) {
        try (InputStream in = PackUpgradeOnPostgresTest.class.getResourceAsStream("/migrate/pack-" + OLD_REVISION + "/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test resource migrate/pack-" + OLD_REVISION + "/" + name, e);
        }
    }

}
