package io.veroforge.generator.migrate;

import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.migrate.PlannedStep.Phase;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.node.CommandRunner;
import io.veroforge.generator.synthesize.SchemaSql;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expand/contract on real PostgreSQL, as a canary runs a plan: after the expand part the writes of the
 * serving revision (which still sets the removed columns and not the new one) and of the next revision
 * (which sets the new column and not the removed ones) both succeed; after the contract part the next
 * revision's writes succeed and the old revision's fail, which is why contract waits for promotion.
 */
class ExpandContractOnPostgresTest {

    private static final String PREFIX = "vf_expand_contract_" + ProcessHandle.current().pid();
    private static final String ROLE = PREFIX + "_app";
    private static final String DB = PREFIX + "_db";
    private static final String TENANT = "select set_config('veroforge.tenant_id', 'acme', false);\n";

    private static final String BEFORE = """
            apiVersion: veroforge.io/v1alpha1
            kind: AppSpec
            metadata: {name: gadgets}
            spec:
              entities:
                - name: Gadget
                  fields:
                    - {name: label, type: string, required: true, maxLength: 40}
                    - {name: notes, type: text}
                    - {name: count, type: integer}
                - name: Widget
                  fields:
                    - {name: title, type: string, required: true}
                  relations:
                    - {name: gadget, kind: manyToOne, target: Gadget, required: true}
              roles:
                - name: admin
                  permissions:
                    - {entity: "*", actions: [create, read, update, delete]}
            """;
    /** label and Widget.gadget removed, priority added as required, count made required. */
    private static final String AFTER = BEFORE
            .replace("        - {name: label, type: string, required: true, maxLength: 40}\n", "")
            .replace("        - {name: count, type: integer}\n",
                    "        - {name: count, type: integer, required: true}\n        - {name: priority, type: integer, required: true, min: 1, max: 5}\n")
            .replace("      relations:\n        - {name: gadget, kind: manyToOne, target: Gadget, required: true}\n", "");

    private static final String OLD_REVISION_WRITES = TENANT
            + "insert into gadgets (label, notes) values ('old', 'written by the serving revision') ;\n"
            + "insert into widgets (title, gadget_id) select 'old widget', id from gadgets where label = 'old';\n";
    private static final String NEXT_REVISION_WRITES = TENANT
            + "insert into gadgets (notes, count, priority) values ('written by the canary', 3, 2);\n"
            + "insert into widgets (title) values ('new widget');\n";

    private final CommandRunner runner = new CommandRunner();
    @TempDir
    Path dir;

    @BeforeEach
    void database() throws Exception {
        dropAll();
        admin("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE");
        admin("CREATE DATABASE " + DB + " OWNER " + ROLE);
    }

    @AfterEach
    void dropAll() throws Exception {
        admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        admin("DROP ROLE IF EXISTS " + ROLE);
    }

    @Test
    void bothRevisionsWriteAfterExpandAndOnlyTheNextOneAfterContract() throws Exception {
        ResolvedModel before = model(BEFORE);
        ResolvedModel after = model(AFTER);
        ExpandContract split = MigrationPlanner.plan(before, after).expandContract();
        assertThat(split.splittable()).isTrue();
        assertThat(split.contract().steps()).extracting(PlannedStep::description).contains(
                "drop column gadgets.label (its values are lost)", "set gadgets.count NOT NULL (fails while existing rows hold NULL: fill them first)",
                "drop default of gadgets.priority (existing rows keep 1)");
        assertThat(split.expand().destructive()).as("nothing of the expand part loses data").isFalse();

        asApp(SchemaSql.of(before).schemaFile()).assertSucceeded();
        asApp(OLD_REVISION_WRITES).assertSucceeded();

        asApp(script(split.expand())).assertSucceeded();
        asApp(OLD_REVISION_WRITES).assertSucceeded();
        asApp(NEXT_REVISION_WRITES).assertSucceeded();

        asApp(TENANT + "update gadgets set count = 0 where count is null;").assertSucceeded(); // what the canary's period leaves to fill
        asApp(script(split.contract())).assertSucceeded();
        asApp(NEXT_REVISION_WRITES).assertSucceeded();
        assertThat(asApp(OLD_REVISION_WRITES).outcome().output()).contains("column \"label\" of relation \"gadgets\" does not exist");
        assertThat(asApp(TENANT + "insert into gadgets (notes, count) values ('no priority', 1);").outcome().output())
                .as("the default that kept the serving revision's inserts working is gone").contains("null value in column \"priority\"");
    }

    @Test
    void theWholePlanRunInOneGoIsWhatADirectRolloutRuns() throws Exception {
        ResolvedModel before = model(BEFORE);
        ResolvedModel after = model(AFTER);
        MigrationPlan plan = MigrationPlanner.plan(before, after);
        asApp(SchemaSql.of(before).schemaFile()).assertSucceeded();
        asApp(OLD_REVISION_WRITES).assertSucceeded();
        asApp(TENANT + "update gadgets set count = 0 where count is null;").assertSucceeded();

        asApp(script(plan)).assertSucceeded();
        asApp(NEXT_REVISION_WRITES).assertSucceeded();
    }

    @Test
    void aNarrowingTypeChangeAndARecreatedColumnCannotBeSplit() {
        ResolvedModel before = model(BEFORE);
        ExpandContract narrowed = MigrationPlanner.plan(before, model(BEFORE.replace("{name: notes, type: text}", "{name: notes, type: integer}")))
                .expandContract();
        assertThat(narrowed.splittable()).isFalse();
        assertThat(narrowed.inPlace()).extracting(PlannedStep::description).singleElement().asString().startsWith("change type of gadgets.notes");

        ExpandContract retargeted = MigrationPlanner.plan(model(BEFORE), model(BEFORE.replace(
                "        - {name: title, type: string, required: true}\n      relations:\n        - {name: gadget, kind: manyToOne, target: Gadget, required: true}\n",
                "        - {name: title, type: string, required: true}\n      relations:\n        - {name: gadget, kind: manyToOne, target: Widget}\n")))
                .expandContract();
        assertThat(retargeted.inPlace()).extracting(PlannedStep::phase).containsOnly(Phase.IN_PLACE);
        assertThat(retargeted.splittable()).as("gadget_id is dropped and re-created pointing elsewhere").isFalse();
    }

    private static ResolvedModel model(String yaml) {
        var resolution = resolveYaml(yaml);
        assertThat(resolution.errors()).isEmpty();
        return resolution.model();
    }

    private static String script(MigrationPlan plan) {
        return plan.steps().stream().map(PlannedStep::sql).reduce("", (a, b) -> a + b + "\n");
    }

    private record Run(CommandRunner.Outcome outcome) {
        void assertSucceeded() {
            assertThat(outcome.succeeded()).as(outcome.describe()).isTrue();
        }
    }

    private Run asApp(String sql) throws Exception {
        Path file = Files.writeString(dir.resolve("step.sql"), sql, StandardCharsets.UTF_8);
        return new Run(runner.run(dir, Map.of(), 120, "psql", "-h", "127.0.0.1", "-U", ROLE, "-d", DB, "-v", "ON_ERROR_STOP=1",
                "-q", "--single-transaction", "-f", file.toString()));
    }

    private void admin(String sql) throws Exception {
        CommandRunner.Outcome out = runner.run(Path.of("."), Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-q", "-c", sql);
        assertThat(out.succeeded()).as(out.describe()).isTrue();
    }
}
