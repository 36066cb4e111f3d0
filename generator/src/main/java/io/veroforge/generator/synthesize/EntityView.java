package io.veroforge.generator.synthesize;

import io.veroforge.generator.literal.CommentText;
import io.veroforge.generator.model.CrudAction;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Inflector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An entity as the pack writes it: names, fields, relations, permissions and test samples. */
public final class EntityView {

    private final Entity entity;
    private final List<FieldView> fields;
    private final List<RelationView> relations;
    private final Map<CrudAction, Access> access;
    private final Forbidden forbidden;

    /** Which roles may do one action: fully, or only on rows they own. */
    public record Access(List<String> roles, List<String> ownRowsRoles) {
        public String rolesLiteral() {
            return TsLiteral.stringArray(roles);
        }

        public String ownRowsRolesLiteral() {
            return TsLiteral.stringArray(ownRowsRoles);
        }
    }

    /** A role the generated tests use to prove that a missing permission gives 403. */
    public record Forbidden(String role, String action) {
    }

    EntityView(Entity entity, Map<CrudAction, Access> access, Forbidden forbidden) {
        this.entity = entity;
        this.fields = entity.fields().stream().map(f -> new FieldView(f, entity.names().table())).toList();
        this.relations = entity.relations().stream().map(r -> new RelationView(r, entity.names().table())).toList();
        this.access = access;
        this.forbidden = forbidden;
    }

    public Entity entity() {
        return entity;
    }

    public String name() {
        return entity.name();
    }

    public EntityNames names() {
        return entity.names();
    }

    /**
     * The name the API's files give the entity's Prisma model type: imported as {@code Promise as PromiseRow}, so an
     * entity named like a global the file uses ({@code Promise}, {@code Date}, {@code Object}, {@code Record}) leaves it usable.
     */
    public String rowType() {
        return entity.names().pascal() + "Row";
    }

    public String label() {
        return String.join(" ", Inflector.words(entity.name())).substring(0, 1).toUpperCase()
                + String.join(" ", Inflector.words(entity.name())).substring(1);
    }

    public String pluralLabel() {
        String words = String.join(" ", Inflector.words(names().pluralCamel()));
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public String description() {
        // printed in comments of the schema, the service and the UI: the origin may quote the requirements
        return CommentText.of(label() + (entity.concept() == null ? "" : " (" + entity.concept() + ")") + ", from " + entity.origin());
    }

    public List<FieldView> fields() {
        return fields;
    }

    /** The fields as {@code db/schema.sql} spells them, in order: what the migration planner compares. */
    public List<FieldSql> sqlFields() {
        return fields.stream().map(FieldView::sql).toList();
    }

    public List<RelationView> relations() {
        return relations;
    }

    /**
     * Whether reads need an interactive transaction (links, audited reads, decryption query after the row);
     * the others read in one batched transaction with the tenant setting.
     */
    public boolean readsInteractively() {
        return !manyToMany().isEmpty() || auditReads() || encrypted();
    }

    /** The index the default list order ({@code createdAt desc, id}) reads a tenant's page from, no sort needed. */
    public String listIndexName() {
        return names().table() + "_list_idx";
    }

    public String createListIndex() {
        return "CREATE INDEX IF NOT EXISTS " + listIndexName() + " ON " + names().table() + " (tenant_id, created_at DESC, id);";
    }

    /** RLS enabled and forced, and the tenant policy ({@link TenantPolicy}). */
    public String tenantPolicy() {
        return TenantPolicy.create(names().table());
    }

    public List<RelationView> foreignKeys() {
        return relations.stream().filter(RelationView::owning).toList();
    }

    public List<RelationView> joins() {
        return relations.stream().filter(RelationView::definesJoin).toList();
    }

    /** Many-to-many relations of this side: id arrays in bodies and views, {@code ?include=}, link/unlink endpoints. */
    public List<RelationView> manyToMany() {
        return relations.stream().filter(RelationView::manyToMany).toList();
    }

    /** Entities this one links to many-to-many (itself left out), for the imports of their summaries. */
    public List<EntityNames> linkedTargets() {
        return manyToMany().stream().filter(r -> !r.self()).map(RelationView::target).distinct().toList();
    }

    /** Whether a many-to-many relation links this entity to itself (its summary is presented from its own DTO file). */
    public boolean selfLinked() {
        return manyToMany().stream().anyMatch(RelationView::self);
    }

    /** Values {@code ?include=} accepts, as a TypeScript array literal. */
    public String includesLiteral() {
        return TsLiteral.stringArray(manyToMany().stream().map(RelationView::name).toList());
    }

    /** Fields a linked row shows when another entity includes it: everything but encrypted or tokenized values. */
    public List<FieldView> summaryFields() {
        return fields.stream().filter(f -> !f.encrypted() && !f.tokenized()).toList();
    }

    public boolean hasOwner() {
        return entity.ownerField() != null;
    }

    public String ownerProperty() {
        return entity.ownerField() == null ? null : Inflector.camel(entity.ownerField());
    }

    public String ownerColumn() {
        return entity.ownerField() == null ? null : Inflector.snake(entity.ownerField());
    }

    public boolean encrypted() {
        return fields.stream().anyMatch(FieldView::encrypted);
    }

    public FieldView tokenizedField() {
        return fields.stream().filter(FieldView::tokenized).findFirst().orElse(null);
    }

    /** An encrypted field the sample fills, for the at-rest check. */
    public FieldView sampleEncryptedField() {
        return fields.stream().filter(f -> f.encrypted() && f.samples().included()).findFirst().orElse(null);
    }

    public List<FieldView> encryptedFields() {
        return fields.stream().filter(FieldView::encrypted).toList();
    }

    public boolean auditWrites() {
        return entity.compliance().auditWrites();
    }

    public boolean auditReads() {
        return entity.compliance().auditReads();
    }

    public boolean exportEndpoint() {
        return entity.compliance().exportEndpoint();
    }

    public boolean eraseEndpoint() {
        return entity.compliance().eraseEndpoint();
    }

    /** PII fields an erase overwrites: optional ones become null (required ones keep their value, the row must stay valid). */
    public List<FieldView> erasableFields() {
        return fields.stream().filter(f -> !f.required() && f.personal()).toList();
    }

    public List<FieldView> filterFields() {
        return fields.stream().filter(f -> f.dto().filterable()).toList();
    }

    /**
     * Fields {@code ?q=} searches: those marked searchable, or, when none is marked, every plain text field
     * (a search box that finds nothing is worse than an unindexed scan); empty when the entity has no text.
     */
    public List<FieldView> searchFields() {
        List<FieldView> marked = fields.stream().filter(FieldView::searchable).toList();
        if (!marked.isEmpty()) {
            return marked;
        }
        return fields.stream().filter(FieldView::plainText).toList();
    }

    /**
     * The search fields that get a btree and a trigram index: only the ones marked searchable. The fallback
     * (every plain text field) is searched unindexed, as the migration planner plans indexes from the markers.
     */
    public List<FieldView> indexedSearchFields() {
        return fields.stream().filter(FieldView::searchable).toList();
    }

    /** Whether the list has a search box (there is a text field to search). */
    public boolean searchable() {
        return !searchFields().isEmpty();
    }

    /** A searched string field the sample fills, for the search test, or null. */
    public FieldView searchSampleField() {
        return searchFields().stream().filter(f -> f.samples().included()).findFirst().orElse(null);
    }

    /** An optional field the sample fills, for the test that clears it with null, or null. */
    public FieldView clearField() {
        return fields.stream().filter(f -> !f.required() && f.samples().included()).findFirst().orElse(null);
    }

    /** The names of the decorators the entity's DTO file uses (each import names only what is used). */
    private java.util.Set<String> dtoDecorators() {
        List<String> used = new ArrayList<>();
        fields.forEach(f -> used.addAll(f.dto().decorators()));
        filterFields().forEach(f -> used.addAll(f.dto().filterDecorators()));
        for (RelationView r : foreignKeys()) {
            used.add(r.required() ? "@ApiProperty(" : "@ApiPropertyOptional(@IsOptional(");
            used.add("@ApiPropertyOptional(@IsOptional(@IsUUID(");
        }
        if (!manyToMany().isEmpty()) {
            used.add("@ApiPropertyOptional(@IsOptional(@IsArray(@ArrayMaxSize(@IsUUID(@Transform(@IsIn(");
        }
        java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("@(\\w+)\\(").matcher(String.join(" ", used));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static final java.util.Set<String> SWAGGER = java.util.Set.of("ApiProperty", "ApiPropertyOptional");
    private static final java.util.Set<String> OWN_VALIDATORS = java.util.Set.of("DecimalRange", "IsDecimalString");

    /** The DTO's imports from {@code @nestjs/swagger}: the property decorators used, and PartialType. */
    public String dtoSwaggerImports() {
        List<String> names = new ArrayList<>(dtoDecorators().stream().filter(SWAGGER::contains).toList());
        names.add("PartialType");
        return String.join(", ", names);
    }

    /** Whether the DTO uses class-transformer's {@code @Transform}. */
    public boolean dtoUsesTransform() {
        return dtoDecorators().contains("Transform");
    }

    /** The DTO's imports from class-validator, one per line (empty when it needs none). */
    public List<String> dtoClassValidatorImports() {
        return dtoDecorators().stream().filter(n -> !SWAGGER.contains(n) && !OWN_VALIDATORS.contains(n) && !n.equals("Transform")).toList();
    }

    /** The DTO's imports of the app's own validators ({@code common/validators}), comma-separated, or empty. */
    public String dtoOwnValidatorImports() {
        return String.join(", ", dtoDecorators().stream().filter(OWN_VALIDATORS::contains).toList());
    }

    /** A required field the sample fills, for the test that PATCH refuses null for it, or null. */
    public FieldView requiredSampleField() {
        return fields.stream().filter(f -> f.required() && f.samples().included() && f.field().type() != io.veroforge.generator.model.FieldType.BOOLEAN)
                .findFirst().orElse(null);
    }

    /** Whether a field is a date or timestamp (the service parses them). */
    public boolean hasDates() {
        return fields.stream().anyMatch(f -> !f.encrypted() && (f.field().type() == io.veroforge.generator.model.FieldType.DATE
                || f.field().type() == io.veroforge.generator.model.FieldType.DATETIME));
    }

    /** Whether an encrypted field decrypts to a number, boolean or JSON (the service needs {@code fromText}). */
    public boolean decryptsTypedValues() {
        return fields.stream().anyMatch(f -> f.encrypted() && switch (f.field().type()) {
            case INTEGER, BOOLEAN, JSON -> true;
            default -> false;
        });
    }

    /** Whether presenting rows queries the database (links, decryption); otherwise it only maps them. */
    public boolean presentsAsync() {
        return !manyToMany().isEmpty() || encrypted();
    }

    public List<FieldView> uniqueFields() {
        return fields.stream().filter(FieldView::unique).toList();
    }

    /** Sort keys accepted by {@code ?sort=key:asc|desc}, as a TypeScript array literal. */
    public String sortKeysLiteral() {
        List<String> keys = new ArrayList<>(List.of("createdAt", "updatedAt"));
        fields.stream().filter(f -> f.dto().sortable()).map(FieldView::property).forEach(keys::add);
        return TsLiteral.stringArray(keys);
    }

    public Access access(String action) {
        return access.get(CrudAction.valueOf(action.toUpperCase()));
    }

    public Access create() {
        return access.get(CrudAction.CREATE);
    }

    public Access read() {
        return access.get(CrudAction.READ);
    }

    public Access update() {
        return access.get(CrudAction.UPDATE);
    }

    public Access delete() {
        return access.get(CrudAction.DELETE);
    }

    public Forbidden forbidden() {
        return forbidden;
    }

    public boolean hasRequiredFields() {
        return fields.stream().anyMatch(FieldView::required) || relations.stream().anyMatch(r -> r.owning() && r.required());
    }

    // ---- generated tests ----

    /** Fields the sample payload fills. */
    public List<FieldView> sampleFields() {
        return fields.stream().filter(f -> f.samples().included()).toList();
    }

    /** Required foreign keys the sample payload fills with ids created earlier in the test. */
    public List<RelationView> sampleParents() {
        return foreignKeys().stream().filter(RelationView::required).toList();
    }

    /**
     * The sample create payload as a TypeScript expression over {@code ids} (ids of rows created
     * earlier, by entity name) and, when a unique field varies by row, {@code n} (the row: 0, 1, …).
     */
    public String sampleLiteral() {
        List<String> parts = new ArrayList<>();
        sampleFields().forEach(f -> parts.add(f.property() + ": " + f.samples().rowValue()));
        sampleParents().forEach(r -> parts.add(r.fkProperty() + ": ids[" + TsLiteral.string(r.relation().target()) + "]"));
        return parts.isEmpty() ? "({})" : "({ " + String.join(", ", parts) + " })";
    }

    /** The sample function's parameters: {@code n} only when a row number changes the payload. */
    public String sampleParameters() {
        if (sampleFields().stream().anyMatch(f -> f.samples().rowValue().endsWith("[n]"))) {
            return sampleParents().isEmpty() ? "(_ids, n = 0)" : "(ids, n = 0)";
        }
        return sampleParents().isEmpty() ? "()" : "(ids)";
    }

    /** How many rows of this entity one test can create with {@code SAMPLES[entity](ids, n)} without a unique clash. */
    public int distinctRows() {
        return sampleFields().stream().mapToInt(f -> f.samples().distinctRows()).min().orElse(3);
    }

    /** An optional relation of the entity to itself (a parent row of the same kind), for the self-link test, or null. */
    public RelationView selfRelation() {
        if (distinctRows() < 2) {
            return null;
        }
        return foreignKeys().stream().filter(r -> !r.required() && !r.manyToMany() && r.relation().target().equals(name()))
                .findFirst().orElse(null);
    }

    /** The field the update test changes, or null when none can be changed and read back simply. */
    public FieldView updateField() {
        return fields.stream().filter(f -> f.samples().updatable()).findFirst().orElse(null);
    }

    /** The field the filter test uses, or null. */
    public FieldView filterField() {
        return fields.stream().filter(f -> f.dto().filterable() && f.samples().included()).findFirst().orElse(null);
    }

    /** The plain, non-unique string field shown as the row title in lists, or the id. */
    public String titleProperty() {
        return fields.stream().filter(f -> f.ui().inputKind().equals("text") && !f.encrypted() && !f.tokenized())
                .map(FieldView::property).findFirst().orElse("id");
    }

    public String listColumnsLiteral() {
        return TsLiteral.stringArray(fields.stream().filter(f -> !f.encrypted() && !f.ui().inputKind().equals("textarea"))
                .limit(5).map(FieldView::property).collect(Collectors.toList()));
    }
}
