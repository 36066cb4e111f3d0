package io.veroforge.generator.synthesize;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.model.ResolvedModel;
import java.util.Optional;

/**
 * The database schema of the {@code nestjs-prisma-react} pack for one model, whole and object by
 * object, rendered from the same templates (and their {@code {#fragment}}s) as
 * {@link Synthesizer} writes {@code db/migrations/V001__schema.sql} and {@code V002__audit.sql}:
 * so a migration that creates a table creates exactly what a fresh install has.
 */
public final class SchemaSql {

    static final String SCHEMA_TEMPLATE = "db/schema.sql";
    static final String AUDIT_TEMPLATE = "db/audit.sql";
    public static final String SCHEMA_FILE = "db/migrations/V001__schema.sql";
    public static final String AUDIT_FILE = "db/migrations/V002__audit.sql";

    private static final Engine ENGINE = Synthesizer.engine();

    private final Pack pack;
    private final AppView app;
    private final Template schema;
    private final Template audit;

    private SchemaSql(Pack pack, ResolvedModel model) {
        this.pack = pack;
        // gap handler bodies never reach the schema: the template-only stubs are enough
        this.app = new AppView(model, pack, GapBodyProvider.filledBy(new TemplateOnlyGapFiller()));
        this.schema = ENGINE.parse(pack.templates().get(SCHEMA_TEMPLATE), null, SCHEMA_TEMPLATE);
        this.audit = ENGINE.parse(pack.templates().get(AUDIT_TEMPLATE), null, AUDIT_TEMPLATE);
    }

    public static SchemaSql of(ResolvedModel model) {
        return new SchemaSql(Pack.nestjsPrismaReact(), model);
    }

    /** The view model the templates print (column DDL, constraint names, foreign keys). */
    public AppView app() {
        return app;
    }

    /** {@code db/migrations/V001__schema.sql} as the Synthesizer writes it, header line included. */
    public String schemaFile() {
        return file(SCHEMA_FILE, schema);
    }

    /** {@code db/migrations/V002__audit.sql} when the app keeps an audit log. */
    public Optional<String> auditFile() {
        return app.auditLog() ? Optional.of(file(AUDIT_FILE, audit)) : Optional.empty();
    }

    /** One entity's table: CREATE TABLE with columns and constraints, its indexes, RLS enabled and forced, the policy. */
    public String table(EntityView entity) {
        return schema.getFragment("table").data("e", entity).render().strip() + "\n";
    }

    /** The join table a many-to-many relation defines (on the side where {@link RelationView#definesJoin()}). */
    public String joinTable(EntityView entity, RelationView join) {
        return schema.getFragment("join_table").data("e", entity).data("j", join).render().strip() + "\n";
    }

    /** The audit trigger of an entity whose writes are audited. */
    public String auditTrigger(EntityView entity) {
        return audit.getFragment("audit_trigger").data("e", entity).render().strip() + "\n";
    }

    private String file(String path, Template template) {
        String body = template.data("app", app).data("header", FileHeader.text(pack, false))
                .data("headerJson", TsLiteral.json(FileHeader.text(pack, false))).render();
        return FileHeader.lineFor(path, pack, false).orElse("") + body;
    }
}
