package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.RelationKind;

/**
 * One side of a relation as the pack writes it: the foreign key (owning side), the Prisma
 * relation field, and for many-to-many the explicit join model.
 */
public final class RelationView {

    private final Relation relation;
    private final String entityTable;
    /** The linked entity's title field (set by AppView once every entity has its view). */
    private String targetTitle = "id";
    private boolean targetSearchable;

    RelationView(Relation relation, String entityTable) {
        this.relation = relation;
        this.entityTable = entityTable;
    }

    /** The field the UI shows for a linked row: the target's title field. */
    public String targetTitle() {
        return targetTitle;
    }

    void targetTitle(String title) {
        this.targetTitle = title;
    }

    /** Whether the target entity's list answers {@code ?q=} (a picker can narrow its rows by typing). */
    public boolean targetSearchable() {
        return targetSearchable;
    }

    void targetSearchable(boolean searchable) {
        this.targetSearchable = searchable;
    }

    public Relation relation() {
        return relation;
    }

    public String name() {
        return relation.name();
    }

    public boolean owning() {
        return relation.owning();
    }

    public boolean manyToMany() {
        return relation.kind() == RelationKind.MANY_TO_MANY;
    }

    public boolean required() {
        return relation.required();
    }

    public EntityNames target() {
        return EntityNames.of(relation.target());
    }

    /** Foreign key property in Prisma, the API and the UI: {@code customerId}. */
    public String fkProperty() {
        return Inflector.camel(relation.name()) + "Id";
    }

    public String fkColumn() {
        return relation.foreignKeyColumn();
    }

    public String fkLabel() {
        String words = String.join(" ", Inflector.words(relation.name()));
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    // ---- SQL (owning side) ----

    public String sqlColumn() {
        return fkColumn() + " uuid" + (relation.required() ? " NOT NULL" : "");
    }

    /**
     * The foreign key includes {@code tenant_id}, so a row can only reference rows of its own
     * tenant, even though foreign key checks bypass row-level security.
     */
    public String sqlForeignKey() {
        String onDelete = switch (relation.onDelete()) {
            case SET_NULL -> "SET NULL (" + fkColumn() + ")";
            case CASCADE -> "CASCADE";
            case RESTRICT -> "RESTRICT";
        };
        return "ALTER TABLE " + entityTable + " ADD CONSTRAINT " + entityTable + "_" + fkColumn() + "_fkey"
                + " FOREIGN KEY (tenant_id, " + fkColumn() + ") REFERENCES " + target().table() + " (tenant_id, id) ON DELETE " + onDelete + ";";
    }

    /** The join table's RLS and tenant policy ({@link TenantPolicy}). */
    public String joinTenantPolicy() {
        return TenantPolicy.create(joinTable());
    }

    public String sqlIndex() {
        return "CREATE " + (relation.kind() == RelationKind.ONE_TO_ONE ? "UNIQUE " : "") + "INDEX " + entityTable + "_" + fkColumn()
                + "_idx ON " + entityTable + " (tenant_id, " + fkColumn() + ");";
    }

    // ---- Prisma ----

    public String prismaFkLine() {
        return fkProperty() + " String" + (relation.required() ? "" : "?") + (relation.kind() == RelationKind.ONE_TO_ONE ? " @unique" : "")
                + " @map(\"" + fkColumn() + "\") @db.Uuid";
    }

    /** The relation field: {@code customer Customer @relation(...)}, {@code jobs Job[] @relation(...)}. */
    public String prismaRelationLine() {
        String name = "\"" + relation.relationName() + "\"";
        if (manyToMany()) {
            return relation.name() + " " + joinModel() + "[] @relation(\"" + joinRelationName(relation.entity(), relation.name()) + "\")";
        }
        if (owning()) {
            return relation.name() + " " + target().pascal() + (relation.required() ? "" : "?") + " @relation(" + name + ", fields: ["
                    + fkProperty() + "], references: [id], onDelete: " + relation.onDelete().prisma() + ")";
        }
        String type = relation.kind().toMany() ? target().pascal() + "[]" : target().pascal() + "?";
        return relation.name() + " " + type + " @relation(" + name + ")";
    }

    // ---- many-to-many join model ----

    /** True on the side that writes the join table and model (alphabetically first entity). */
    public boolean definesJoin() {
        return manyToMany() && (relation.entity().compareTo(relation.target()) < 0
                || relation.entity().equals(relation.target()) && relation.name().compareTo(relation.inverseName()) < 0);
    }

    public String joinTable() {
        return relation.joinTable();
    }

    public String joinModel() {
        return Inflector.pascal(relation.joinTable());
    }

    public String leftColumn() {
        return joinSideColumn(relation.entity(), relation.name());
    }

    public String rightColumn() {
        return joinSideColumn(relation.target(), relation.inverseName());
    }

    private String joinSideColumn(String entity, String relationName) {
        boolean self = relation.entity().equals(relation.target());
        return (self ? Inflector.snake(relationName) : Inflector.snake(entity)) + "_id";
    }

    // ---- many-to-many through the API ----

    /** The id-array property of create/update bodies and views: {@code courseIds} for {@code courses → Course}, else {@code <name>Ids}. */
    public String idsProperty() {
        return idsPropertyOf(relation.name(), relation.target());
    }

    /** The same property on the other side ({@code studentIds} on Course). */
    public String inverseIdsProperty() {
        return idsPropertyOf(relation.inverseName(), relation.entity());
    }

    private static String idsPropertyOf(String name, String target) {
        return (name.equals(Inflector.pluralCamel(target)) ? Inflector.camel(target) : Inflector.camel(name)) + "Ids";
    }

    /** Path segment of the link endpoints: {@code /students/:id/courses/:courseId}. */
    public String routeSegment() {
        return Inflector.kebab(relation.name());
    }

    /** The other side's path segment: {@code /courses/:id/students/:linkedId}. */
    public String inverseRouteSegment() {
        return Inflector.kebab(relation.inverseName());
    }

    /** The Prisma client accessor of the join model: {@code tx.coursesStudents}. */
    public String joinAccessor() {
        String model = joinModel();
        return Character.toLowerCase(model.charAt(0)) + model.substring(1);
    }

    /** The join model's column holding this side's id: {@code studentId}. */
    public String selfJoinProperty() {
        return Inflector.camel(leftColumn());
    }

    /** The join model's column holding the linked row's id: {@code courseId}. */
    public String otherJoinProperty() {
        return Inflector.camel(rightColumn());
    }

    /** The join model's relation to the linked row: {@code course}. */
    public String otherJoinRelation() {
        String p = otherJoinProperty();
        return p.substring(0, p.length() - 2);
    }

    /** Method-name part: {@code Courses} in {@code linkCourses}. */
    public String pascalName() {
        return Inflector.pascal(relation.name());
    }

    public boolean self() {
        return relation.entity().equals(relation.target());
    }

    /** Relation name for one side's list of join rows. */
    static String joinRelationName(String entity, String relationName) {
        return Inflector.pascal(entity) + Inflector.pascal(relationName) + "Links";
    }

    public String joinModelLines() {
        String left = Inflector.camel(leftColumn());
        String right = Inflector.camel(rightColumn());
        String leftRel = left.substring(0, left.length() - 2);
        String rightRel = right.substring(0, right.length() - 2);
        String entity = Inflector.pascal(relation.entity());
        String tgt = target().pascal();
        return String.join("\n",
                "  tenantId String @default(dbgenerated(\"current_setting('veroforge.tenant_id'::text, true)\")) @map(\"tenant_id\")",
                "  " + left + " String @map(\"" + leftColumn() + "\") @db.Uuid",
                "  " + right + " String @map(\"" + rightColumn() + "\") @db.Uuid",
                "  " + leftRel + " " + entity + " @relation(\"" + joinRelationName(relation.entity(), relation.name()) + "\", fields: [" + left
                        + "], references: [id], onDelete: Cascade)",
                "  " + rightRel + " " + tgt + " @relation(\"" + joinRelationName(relation.target(), relation.inverseName()) + "\", fields: ["
                        + right + "], references: [id], onDelete: Cascade)",
                "",
                "  @@id([" + left + ", " + right + "])",
                "  @@map(\"" + joinTable() + "\")");
    }
}
