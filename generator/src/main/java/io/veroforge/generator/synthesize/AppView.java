package io.veroforge.generator.synthesize;

import io.veroforge.generator.literal.CommentText;
import io.veroforge.generator.model.Action;
import io.veroforge.generator.model.ActionType;
import io.veroforge.generator.model.CrudAction;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.GapType;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Permission;
import io.veroforge.generator.model.Regime;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Role;
import io.veroforge.generator.model.Workflow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whole app as the {@code nestjs-prisma-react} templates see it. Built once per synthesis. */
public final class AppView {

    private final ResolvedModel model;
    private final Pack pack;
    private final List<EntityView> entities;
    private final List<EntityView> testOrder;
    private final List<WorkflowView> workflows;
    private final List<GapHandlerView> gaps;

    /** A gap handler file with the body the provider gave. */
    public record GapHandlerView(GapHandler handler, GapBody body) {
        public String id() {
            return handler.id();
        }

        public String className() {
            return handler.className();
        }

        public String fileName() {
            return handler.id() + ".gap";
        }

        /** The gap's own tests (run without a database): {@code api/test/gaps/<id>.e2e-spec.ts}. */
        public String testPath() {
            return testPathOf(handler.id());
        }

        /** {@code model openai:gpt-4o-mini, prompt sha256:…, 1 attempt(s), confidence 0.90}, or empty for non-AI bodies. */
        public String provenance() {
            return body.provenance() == null ? "" : TsLiteral.comment(body.provenance().describe());
        }

        public String descriptionLiteral() {
            return TsLiteral.string(handler.gap().description());
        }

        public String description() {
            return CommentText.of(handler.gap().description());
        }

        public String kind() {
            return handler.gap().type() == GapType.BUSINESS_RULE ? "business rule" : "custom action";
        }

        public String path() {
            return handler.gap().path();
        }

        public String entitiesLiteral() {
            return TsLiteral.stringArray(body.entities());
        }

        /** The body, indented for the method it goes in. */
        public String bodyCode() {
            String code = body.typescript().strip();
            if (!asyncRun()) {
                // run() keeps its Promise contract without async: the template-only failure is a rejected promise
                code = code.replaceFirst("(?m)^throw (new .*);$", "return Promise.reject($1);");
            }
            return code.indent(4).stripTrailing();
        }

        public boolean filled() {
            return body.filled();
        }

        /** Whether run() is async: a body that awaits, or any filled body (the AI writes to the async contract); a template-only body only throws. */
        public boolean asyncRun() {
            return body.filled() || body.typescript().contains("await ");
        }

        /** Whether the body reads its context (else the parameter is named _ctx, unused by intent). */
        public boolean usesContext() {
            return body.typescript().matches("(?s).*\\bctx\\b.*");
        }

        public List<String> imports() {
            return body.imports();
        }

        public String sourceLiteral() {
            return TsLiteral.string(body.source());
        }
    }

    AppView(ResolvedModel model, Pack pack, GapBodyProvider gapBodies) {
        this.model = model;
        this.pack = pack;
        List<String> roleNames = model.roles().stream().map(Role::name).toList();
        this.entities = model.entities().stream().map(e -> entityView(e, model.roles(), roleNames)).toList();
        this.testOrder = dependencyOrder(entities);
        Map<String, String> titles = new LinkedHashMap<>();
        entities.forEach(e -> titles.put(e.name(), e.titleProperty()));
        Map<String, Boolean> searchable = new LinkedHashMap<>();
        entities.forEach(e -> searchable.put(e.name(), e.searchable()));
        // pickers and multi-selects list the target's rows by its title, and narrow them by its search when it has one
        entities.forEach(e -> e.relations().forEach(r -> {
            r.targetTitle(titles.getOrDefault(r.relation().target(), "id"));
            r.targetSearchable(searchable.getOrDefault(r.relation().target(), false));
        }));
        List<GapHandler> handlers = gapHandlers(model);
        this.gaps = handlers.stream().map(h -> new GapHandlerView(h, gapBodies.bodyFor(h, model))).toList();
        Map<Action, GapHandler> custom = new IdentityHashMap<>();
        for (GapHandler h : handlers) {
            if (h.workflow() != null) {
                model.workflows().stream().filter(w -> w.name().equals(h.workflow())).findFirst().ifPresent(w -> w.actions().stream()
                        .filter(a -> a.type() == ActionType.CUSTOM && a.message() != null && h.gap().description().contains(a.message()))
                        .filter(a -> !custom.containsKey(a)).findFirst().ifPresent(a -> custom.put(a, h)));
            }
        }
        this.workflows = model.workflows().stream().map(w -> new WorkflowView(w, model, custom)).toList();
    }

    private static EntityView entityView(Entity e, List<Role> roles, List<String> roleNames) {
        Map<CrudAction, EntityView.Access> access = new EnumMap<>(CrudAction.class);
        for (CrudAction action : CrudAction.values()) {
            List<String> full = new ArrayList<>();
            List<String> own = new ArrayList<>();
            for (Role role : roles) {
                for (Permission p : role.permissions()) {
                    if ((p.entity().equals(e.name()) || p.entity().equals("*")) && p.actions().contains(action)) {
                        (p.ownRowsOnly() ? own : full).add(role.name());
                    }
                }
            }
            own.removeAll(full);
            access.put(action, new EntityView.Access(List.copyOf(new LinkedHashSet<>(full)), List.copyOf(new LinkedHashSet<>(own))));
        }
        EntityView.Forbidden forbidden = null;
        for (CrudAction action : List.of(CrudAction.CREATE, CrudAction.DELETE, CrudAction.UPDATE, CrudAction.READ)) {
            EntityView.Access a = access.get(action);
            for (String role : roleNames) {
                if (!a.roles().contains(role) && !a.ownRowsRoles().contains(role)) {
                    forbidden = new EntityView.Forbidden(role, action.keyword());
                    break;
                }
            }
            if (forbidden != null) {
                break;
            }
        }
        return new EntityView(e, access, forbidden);
    }

    /** Parents before children (required foreign keys), otherwise declaration order: the order tests create rows in. */
    private static List<EntityView> dependencyOrder(List<EntityView> views) {
        Map<String, EntityView> byName = new LinkedHashMap<>();
        views.forEach(v -> byName.put(v.name(), v));
        List<EntityView> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (ordered.size() < views.size()) {
            boolean progress = false;
            for (EntityView v : views) {
                if (!done.contains(v.name()) && v.sampleParents().stream().allMatch(r -> done.contains(r.relation().target())
                        || r.relation().target().equals(v.name()) || !byName.containsKey(r.relation().target()))) {
                    ordered.add(v);
                    done.add(v.name());
                    progress = true;
                }
            }
            if (!progress) { // a required cycle is a validation error; keep going in declaration order
                views.stream().filter(v -> !done.contains(v.name())).forEach(v -> {
                    ordered.add(v);
                    done.add(v.name());
                });
            }
        }
        return List.copyOf(ordered);
    }

    private static List<GapHandler> gapHandlers(ResolvedModel model) {
        List<GapHandler> out = new ArrayList<>();
        for (Gap gap : model.gaps()) {
            String id = gap.id();
            String className = Inflector.pascal(id) + "Handler";
            String workflow = null;
            String entity = null;
            if (gap.type() == GapType.CUSTOM_ACTION) {
                for (Workflow w : model.workflows()) {
                    if (gap.path() != null && w.path() != null && gap.path().startsWith(w.path())
                            || w.actions().stream().anyMatch(a -> a.type() == ActionType.CUSTOM && a.message() != null
                            && gap.description().contains(a.message()))) {
                        workflow = w.name();
                        entity = w.trigger().entity();
                        break;
                    }
                }
            }
            out.add(new GapHandler(id, gap, "api/src/gaps/" + id + ".gap.ts", className, workflow, entity));
        }
        return out;
    }

    // ---- what the templates read ----

    public String name() {
        return model.name();
    }

    /** The app's name as a DNS label and npm package name. */
    public String slug() {
        String kebab = Inflector.kebab(model.name());
        return kebab.isEmpty() ? "app" : kebab;
    }

    public String title() {
        String words = String.join(" ", Inflector.words(model.name()));
        return words.isEmpty() ? "App" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Kubernetes labels as a YAML flow map. */
    public String k8sLabels() {
        return "{ app.kubernetes.io/part-of: " + slug() + ", app.kubernetes.io/managed-by: veroforge }";
    }

    public String helmLabels() {
        return "{ app.kubernetes.io/part-of: " + slug() + ", app.kubernetes.io/managed-by: Helm }";
    }

    public String titleLiteral() {
        return TsLiteral.string(title());
    }

    public String vertical() {
        return model.vertical() == null ? "none" : model.vertical();
    }

    public Pack pack() {
        return pack;
    }

    public Versions versions() {
        return Versions.INSTANCE;
    }

    public List<EntityView> entities() {
        return entities;
    }

    public List<EntityView> testOrder() {
        return testOrder;
    }

    /** The entity the tenant-isolation test writes as tenant A: the first with no required parent. */
    public EntityView isolationEntity() {
        return testOrder.get(0);
    }

    /** A child entity whose required parent is {@link #isolationEntity()}, for the cross-tenant reference test, or null. */
    public EntityView isolationChild() {
        String root = isolationEntity().name();
        return testOrder.stream().filter(v -> v.sampleParents().size() == 1 && v.sampleParents().get(0).relation().target().equals(root))
                .findFirst().orElse(null);
    }

    public RelationView isolationChildRelation() {
        EntityView child = isolationChild();
        return child == null ? null : child.sampleParents().get(0);
    }

    public List<String> roles() {
        return model.roles().stream().map(Role::name).toList();
    }

    public String rolesLiteral() {
        return TsLiteral.stringArray(roles());
    }

    /** The role with every permission (admin), used by the generated tests and the dev token. */
    public String adminRole() {
        return model.roles().stream().map(Role::name).filter(r -> r.equals("admin")).findFirst()
                .orElse(model.roles().isEmpty() ? "admin" : model.roles().get(model.roles().size() - 1).name());
    }

    /** {@code Entity: { property: literal }} per entity that on-create setField workflows write into (see {@link WorkflowView#onCreateWrites}). */
    public List<String> onCreateWrites() {
        Map<String, Map<String, String>> byEntity = new java.util.LinkedHashMap<>();
        for (WorkflowView w : workflows) {
            if (!w.onCreateWrites().isEmpty()) {
                byEntity.computeIfAbsent(w.triggerEntityName(), k -> new java.util.LinkedHashMap<>()).putAll(w.onCreateWrites());
            }
        }
        return byEntity.entrySet().stream().map(e -> e.getKey() + ": { " + e.getValue().entrySet().stream()
                .map(v -> v.getKey() + ": " + v.getValue()).collect(java.util.stream.Collectors.joining(", ")) + " }").toList();
    }

    public List<WorkflowView> workflows() {
        return workflows;
    }

    /** Where the pack writes a gap's own tests. */
    public static String testPathOf(String gapId) {
        return "api/test/gaps/" + gapId + ".e2e-spec.ts";
    }

    public List<GapHandlerView> gaps() {
        return gaps;
    }

    public long gapsFilled() {
        return gaps.stream().filter(GapHandlerView::filled).count();
    }

    public boolean hipaa() {
        return model.compliance().applies(Regime.HIPAA);
    }

    public boolean pci() {
        return model.compliance().applies(Regime.PCI);
    }

    public boolean gdpr() {
        return model.compliance().applies(Regime.GDPR);
    }

    public boolean pgcrypto() {
        return model.compliance().pgcrypto() || entities.stream().anyMatch(EntityView::encrypted);
    }

    /** Whether some entity has a {@code ?q=} search: the trigram indexes need {@code pg_trgm}. */
    public boolean trigramSearch() {
        return entities.stream().anyMatch(e -> !e.indexedSearchFields().isEmpty());
    }

    public String directoryPolicy() {
        return TenantPolicy.create("directory_users");
    }

    public String auditPolicy() {
        return TenantPolicy.create("audit_log");
    }

    public boolean auditLog() {
        return model.compliance().auditLog() || entities.stream().anyMatch(e -> e.auditWrites() || e.auditReads());
    }

    public boolean accessLogging() {
        return model.compliance().accessLogging();
    }

    public Integer auditRetentionDays() {
        return model.compliance().auditRetentionDays();
    }

    public List<String> complianceRequirements() {
        return model.compliance().requirements();
    }

    public String complianceSummary() {
        List<Regime> regimes = model.compliance().regimes();
        return regimes.isEmpty() ? "none" : String.join(", ", regimes.stream().map(Regime::name).toList());
    }

    public List<EntityView> auditedEntities() {
        return entities.stream().filter(EntityView::auditWrites).toList();
    }

    /** The first entity with encrypted (PHI) fields and its first such field, for the compliance test, or null. */
    public EntityView encryptedEntity() {
        return testOrder.stream().filter(EntityView::encrypted).findFirst().orElse(null);
    }

    /** The first entity whose reads are audited, or null. */
    public EntityView readAuditedEntity() {
        return testOrder.stream().filter(EntityView::auditReads).findFirst().orElse(null);
    }

    /** The first entity whose writes are audited, or null. */
    public EntityView writeAuditedEntity() {
        return testOrder.stream().filter(EntityView::auditWrites).findFirst().orElse(null);
    }

    /** The first tokenized (PCI) field and its entity, or null. */
    public EntityView tokenizedEntity() {
        return testOrder.stream().filter(e -> e.fields().stream().anyMatch(FieldView::tokenized)).findFirst().orElse(null);
    }

    /** Whether the compliance spec has at least one case: a regime alone (PCI without card data) gives it nothing to check. */
    public boolean hasComplianceTests() {
        return encryptedEntity() != null && encryptedEntity().sampleEncryptedField() != null || writeAuditedEntity() != null
                || readAuditedEntity() != null || tokenizedEntity() != null;
    }

    public boolean anyOwner() {
        return entities.stream().anyMatch(EntityView::hasOwner);
    }

    /** GDPR data subjects (entities with export/erase endpoints) and the rows that belong to each. */
    public List<DataSubjectView> dataSubjects() {
        return entities.stream().filter(EntityView::exportEndpoint).map(e -> new DataSubjectView(e, entities)).toList();
    }

    /** Entity modules the GDPR module imports (their services): every entity a data subject's plan reads. */
    public List<EntityView> gdprImports() {
        return dataSubjects().stream().flatMap(s -> s.entities().stream()).distinct()
                .sorted(java.util.Comparator.comparingInt(entities::indexOf)).toList();
    }

    /**
     * A many-to-many relation the links test covers (once per pair, from the side that defines the
     * join): {@code creator} is the side created later by the tests, so its create body can carry
     * the other side's id.
     */
    public record LinkTest(EntityView entity, RelationView relation, String creator, String creatorIdsProperty, String creatorTarget) {
    }

    public List<LinkTest> linkTests() {
        List<LinkTest> out = new ArrayList<>();
        for (EntityView e : entities) {
            for (RelationView r : e.joins()) {
                String target = r.relation().target();
                boolean targetLater = testOrder.indexOf(e) < testOrder.stream().map(EntityView::name).toList().indexOf(target);
                out.add(targetLater
                        ? new LinkTest(e, r, target, r.inverseIdsProperty(), e.name())
                        : new LinkTest(e, r, e.name(), r.idsProperty(), target));
            }
        }
        return out;
    }

    public List<WorkflowView> scheduledWorkflows() {
        return workflows.stream().filter(WorkflowView::scheduled).toList();
    }

    /** What the mail test expects, one TypeScript object per mail (empty: no mail test). */
    public List<String> mailExpectations() {
        return workflows.stream().flatMap(w -> w.mailExpectations().stream()).toList();
    }

    public boolean hasSchedules() {
        return workflows.stream().anyMatch(WorkflowView::scheduled);
    }
}
