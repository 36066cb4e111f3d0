package io.veroforge.generator.migrate;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.SchemaSql;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migration plans between generations: the first is the pack's schema, later ones the DDL of what changed. */
class MigrationPlannerTest {

    static final Path REPO = Path.of(System.getProperty("vf.repo.root", "..")).toAbsolutePath().normalize();

    /** Two entities without a vertical, so the ontology adds nothing: what each test then changes. */
    static final String BASE = """
            entities:
              - name: Gadget
                fields:
                  - {name: label, type: string, required: true, maxLength: 40}
                  - {name: notes, type: text}
                  - {name: count, type: integer}
                  - {name: code, type: string, maxLength: 20}
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

    static List<Path> appSpecExamples() throws IOException {
        try (Stream<Path> files = Files.list(REPO.resolve("crds/examples"))) {
            return files.filter(f -> f.getFileName().toString().matches("appspec-.*\\.ya?ml")).sorted().toList();
        }
    }

    private static ResolvedModel model(String specBody) {
        Resolution r = resolveYaml(manifest(specBody));
        assertThat(r.errors()).as("errors").isEmpty();
        return r.model();
    }

    private static ResolvedModel base() {
        return model(BASE);
    }

    private static ResolvedModel edited(String from, String to) {
        assertThat(BASE).contains(from);
        return model(BASE.replace(from, to));
    }

    @ParameterizedTest
    @MethodSource("appSpecExamples")
    void firstDeploymentIsTheSchemaAFreshInstallWrites(Path example) throws IOException {
        ResolvedModel m = new AppModelResolver().resolve(new SpecAnalyzer().analyze(example)).model();
        GeneratedRepository repo = new Synthesizer().synthesize(m);

        MigrationPlan plan = MigrationPlanner.plan(null, m);

        String expected = repo.files().get(SchemaSql.SCHEMA_FILE)
                + (repo.files().containsKey(SchemaSql.AUDIT_FILE) ? repo.files().get(SchemaSql.AUDIT_FILE) : "");
        assertThat(plan.steps().stream().map(PlannedStep::sql).reduce("", String::concat)).isEqualTo(expected);
        assertThat(plan.destructive()).isFalse();
    }

    @Test
    void firstDeploymentOfAHipaaAppAlsoCreatesTheAuditLog() {
        ResolvedModel m = resolveYaml(io.veroforge.generator.Fixtures.resource("clinic.yaml")).model();
        GeneratedRepository repo = new Synthesizer().synthesize(m);

        MigrationPlan plan = MigrationPlanner.plan(null, m);

        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0).sql()).isEqualTo(repo.files().get(SchemaSql.SCHEMA_FILE)).contains("CREATE EXTENSION IF NOT EXISTS pgcrypto;");
        assertThat(plan.steps().get(1).sql()).isEqualTo(repo.files().get(SchemaSql.AUDIT_FILE));
    }

    @Test
    void unchangedModelsGiveAnEmptyPlan() {
        MigrationPlan plan = MigrationPlanner.plan(base(), base());
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.destructive()).isFalse();
    }

    @Test
    void anOptionalFieldIsAddedWithThePacksColumnDdl() {
        ResolvedModel next = edited("      - {name: title, type: string, required: true}\n",
                "      - {name: title, type: string, required: true}\n      - {name: memo, type: string, maxLength: 80, minLength: 2}\n");

        MigrationPlan plan = MigrationPlanner.plan(base(), next);

        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.description()).isEqualTo("add column widgets.memo");
            assertThat(step.sql()).isEqualTo("ALTER TABLE widgets ADD COLUMN memo varchar(80);\n"
                    + "ALTER TABLE widgets ADD CONSTRAINT widgets_memo_min_length CHECK (char_length(memo) >= 2);\n");
            assertThat(step.destructive()).isFalse();
        });
        assertThat(plan.destructive()).isFalse();
    }

    @Test
    void aRequiredFieldAddedToAnExistingTableGivesExistingRowsAPlaceholderThenDropsTheDefault() {
        ResolvedModel next = edited("      - {name: title, type: string, required: true}\n",
                "      - {name: title, type: string, required: true}\n      - {name: priority, type: integer, required: true, min: 1, max: 5}\n");

        List<PlannedStep> steps = MigrationPlanner.plan(base(), next).steps();
        PlannedStep step = steps.get(0);

        assertThat(step.description()).isEqualTo("add column widgets.priority (required: existing rows get 1, then the default is dropped)");
        assertThat(step.sql()).isEqualTo("ALTER TABLE widgets ADD COLUMN priority integer NOT NULL DEFAULT 1;\n"
                + "ALTER TABLE widgets ADD CONSTRAINT widgets_priority_min CHECK (priority >= 1);\n"
                + "ALTER TABLE widgets ADD CONSTRAINT widgets_priority_max CHECK (priority <= 5);\n");
        assertThat(step.destructive()).isFalse();
        // a separate step, so that a canary can keep the default while the serving revision still inserts without the column
        assertThat(steps.get(1).sql()).isEqualTo("ALTER TABLE widgets ALTER COLUMN priority DROP DEFAULT;");
        assertThat(steps.get(1).phase()).isEqualTo(PlannedStep.Phase.CONTRACT);
    }

    @Test
    void aRequiredFieldWithoutAValidPlaceholderIsAddedNullableAndSaysSo() {
        ResolvedModel next = edited("      - {name: title, type: string, required: true}\n",
                "      - {name: title, type: string, required: true}\n      - {name: dueOn, type: date, required: true}\n");

        PlannedStep step = MigrationPlanner.plan(base(), next).steps().get(0);

        assertThat(step.description()).startsWith("add column widgets.due_on (required, but added without NOT NULL");
        assertThat(step.sql()).isEqualTo("ALTER TABLE widgets ADD COLUMN due_on date;\n");
        assertThat(step.destructive()).isFalse();
    }

    @Test
    void aRemovedFieldIsADestructiveDropColumn() {
        ResolvedModel next = edited("      - {name: notes, type: text}\n", "");

        MigrationPlan plan = MigrationPlanner.plan(base(), next);

        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.description()).isEqualTo("drop column gadgets.notes (its values are lost)");
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets DROP COLUMN notes;");
            assertThat(step.destructive()).isTrue();
        });
        assertThat(plan.destructive()).isTrue();
    }

    @Test
    void anAddedEntityIsCreatedExactlyAsAFreshInstallWouldThenGetsItsForeignKeys() {
        String sprocket = """
                  - name: Sprocket
                    fields:
                      - {name: size, type: enum, values: [small, large], required: true}
                    relations:
                      - {name: widget, kind: manyToOne, target: Widget}
                roles:
                """;
        ResolvedModel next = edited("roles:\n", sprocket);
        String fresh = new Synthesizer().synthesize(next).files().get(SchemaSql.SCHEMA_FILE);

        MigrationPlan plan = MigrationPlanner.plan(base(), next);

        assertThat(plan.steps()).extracting(PlannedStep::description)
                .containsExactly("create table sprockets", "add foreign key sprockets.widget_id references widgets");
        String create = plan.steps().get(0).sql();
        assertThat(create).startsWith("-- Sprocket").contains("CREATE TABLE sprockets (", "size text NOT NULL,", "widget_id uuid,",
                "CONSTRAINT sprockets_size_check CHECK (size IN ('small', 'large'))",
                "ALTER TABLE sprockets ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;",
                "CREATE POLICY tenant_isolation ON sprockets");
        assertThat(fresh).contains(create);
        String foreignKey = plan.steps().get(1).sql();
        assertThat(foreignKey).isEqualTo("ALTER TABLE sprockets ADD CONSTRAINT sprockets_widget_id_fkey FOREIGN KEY (tenant_id, widget_id)"
                + " REFERENCES widgets (tenant_id, id) ON DELETE SET NULL (widget_id);\n"
                + "CREATE INDEX sprockets_widget_id_idx ON sprockets (tenant_id, widget_id);\n");
        assertThat(fresh).contains(foreignKey);
        assertThat(plan.destructive()).isFalse();
    }

    @Test
    void aRemovedEntityIsADestructiveDropTable() {
        ResolvedModel next = model(BASE.substring(0, BASE.indexOf("  - name: Widget")) + BASE.substring(BASE.indexOf("roles:")));

        MigrationPlan plan = MigrationPlanner.plan(base(), next);

        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.description()).isEqualTo("drop table widgets (its rows are lost)");
            assertThat(step.sql()).isEqualTo("DROP TABLE widgets CASCADE;");
            assertThat(step.destructive()).isTrue();
        });
    }

    @Test
    void wideningATypeIsAdditive() {
        ResolvedModel longer = edited("{name: label, type: string, required: true, maxLength: 40}",
                "{name: label, type: string, required: true, maxLength: 200}");
        ResolvedModel decimal = edited("{name: count, type: integer}", "{name: count, type: decimal}");
        ResolvedModel unbounded = edited("{name: code, type: string, maxLength: 20}", "{name: code, type: string}");

        assertThat(MigrationPlanner.plan(base(), longer).steps()).singleElement().satisfies(step -> {
            assertThat(step.description()).isEqualTo("widen gadgets.label from varchar(40) to varchar(200)");
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets ALTER COLUMN label TYPE varchar(200);");
            assertThat(step.destructive()).isFalse();
        });
        assertThat(MigrationPlanner.plan(base(), decimal).steps()).singleElement().satisfies(step -> {
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets ALTER COLUMN count TYPE numeric;");
            assertThat(step.destructive()).isFalse();
        });
        assertThat(MigrationPlanner.plan(base(), unbounded).steps()).singleElement().satisfies(step -> {
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets ALTER COLUMN code TYPE text;");
            assertThat(step.destructive()).isFalse();
        });
    }

    @Test
    void narrowingATypeIsADestructiveCast() {
        ResolvedModel shorter = edited("{name: label, type: string, required: true, maxLength: 40}",
                "{name: label, type: string, required: true, maxLength: 10}");
        ResolvedModel integer = edited("{name: notes, type: text}", "{name: notes, type: integer}");

        MigrationPlan narrowed = MigrationPlanner.plan(base(), shorter);
        assertThat(narrowed.steps()).singleElement().satisfies(step -> {
            assertThat(step.description()).startsWith("change type of gadgets.label from varchar(40) to varchar(10) (USING cast");
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets ALTER COLUMN label TYPE varchar(10) USING label::varchar(10);");
            assertThat(step.destructive()).isTrue();
        });
        assertThat(narrowed.destructive()).isTrue();
        assertThat(MigrationPlanner.plan(base(), integer).steps()).singleElement().satisfies(step -> {
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets ALTER COLUMN notes TYPE integer USING notes::integer;");
            assertThat(step.destructive()).isTrue();
        });
    }

    @Test
    void makingAFieldRequiredSetsNotNullAndWarnsItMayFail() {
        ResolvedModel next = edited("{name: notes, type: text}", "{name: notes, type: text, required: true}");

        assertThat(MigrationPlanner.plan(base(), next).steps()).singleElement().satisfies(step -> {
            assertThat(step.description()).isEqualTo("set gadgets.notes NOT NULL (fails while existing rows hold NULL: fill them first)");
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets ALTER COLUMN notes SET NOT NULL;");
            assertThat(step.destructive()).isFalse();
        });
        // and back
        assertThat(MigrationPlanner.plan(next, base()).steps()).singleElement().satisfies(step -> {
            assertThat(step.description()).isEqualTo("drop NOT NULL of gadgets.notes");
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets ALTER COLUMN notes DROP NOT NULL;");
            assertThat(step.destructive()).isFalse();
        });
    }

    @Test
    void uniqueKeysAreAddedAndDroppedByThePacksName() {
        ResolvedModel next = edited("{name: code, type: string, maxLength: 20}", "{name: code, type: string, maxLength: 20, unique: true}");

        assertThat(MigrationPlanner.plan(base(), next).steps()).singleElement().satisfies(step -> {
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets ADD CONSTRAINT gadgets_code_key UNIQUE (tenant_id, code);");
            assertThat(step.destructive()).isFalse();
        });
        assertThat(MigrationPlanner.plan(next, base()).steps()).singleElement().satisfies(step -> {
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets DROP CONSTRAINT gadgets_code_key;");
            assertThat(step.destructive()).isFalse();
        });
    }

    @Test
    void anAddedRelationAddsItsColumnAndForeignKeyAndARemovedOneIsDestructive() {
        String withRelation = BASE.replace("      - {name: code, type: string, maxLength: 20}\n",
                "      - {name: code, type: string, maxLength: 20}\n    relations:\n      - {name: favourite, kind: manyToOne, target: Widget}\n");
        ResolvedModel next = model(withRelation);

        MigrationPlan added = MigrationPlanner.plan(base(), next);
        assertThat(added.steps()).extracting(PlannedStep::description)
                .containsExactly("add relation Gadget.favourite: column gadgets.favourite_id",
                        "add foreign key gadgets.favourite_id references widgets");
        assertThat(added.steps().get(0).sql()).isEqualTo("ALTER TABLE gadgets ADD COLUMN favourite_id uuid;");
        assertThat(added.destructive()).isFalse();

        MigrationPlan removed = MigrationPlanner.plan(next, base());
        assertThat(removed.steps()).singleElement().satisfies(step -> {
            assertThat(step.sql()).isEqualTo("ALTER TABLE gadgets DROP COLUMN favourite_id;");
            assertThat(step.destructive()).isTrue();
        });
    }

    @Test
    void aRenameIsARemovalPlusAnAdditionAndSoDestructive() {
        ResolvedModel next = edited("{name: notes, type: text}", "{name: remarks, type: text}");

        MigrationPlan plan = MigrationPlanner.plan(base(), next);

        assertThat(plan.steps()).extracting(PlannedStep::description)
                .containsExactly("drop column gadgets.notes (its values are lost)", "add column gadgets.remarks");
        assertThat(plan.destructive()).isTrue();
    }

    @Test
    void widensKnowsWhichConversionsKeepEveryValue() {
        assertThat(MigrationPlanner.widens("integer", "bigint")).isTrue();
        assertThat(MigrationPlanner.widens("integer", "numeric(19,4)")).isTrue();
        assertThat(MigrationPlanner.widens("integer", "numeric(10,2)")).isFalse();
        assertThat(MigrationPlanner.widens("numeric(19,4)", "numeric")).isTrue();
        assertThat(MigrationPlanner.widens("numeric", "numeric(19,4)")).isFalse();
        assertThat(MigrationPlanner.widens("bigint", "integer")).isFalse();
        assertThat(MigrationPlanner.widens("text", "varchar(10)")).isFalse();
        assertThat(MigrationPlanner.widens("text", "integer")).isFalse();
        assertThat(MigrationPlanner.widens("timestamptz", "date")).isFalse();
    }
}
