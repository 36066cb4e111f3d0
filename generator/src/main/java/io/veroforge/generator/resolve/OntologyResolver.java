package io.veroforge.generator.resolve;

import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.input.EntityInput;
import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.input.PageInput;
import io.veroforge.generator.input.PermissionInput;
import io.veroforge.generator.input.RelationInput;
import io.veroforge.generator.input.RoleInput;
import io.veroforge.generator.input.WorkflowInput;
import io.veroforge.generator.model.AiSettings;
import io.veroforge.generator.model.ComplianceProfile;
import io.veroforge.generator.model.CrudAction;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityCompliance;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Keyword;
import io.veroforge.generator.model.Origin;
import io.veroforge.generator.model.OriginKind;
import io.veroforge.generator.model.Page;
import io.veroforge.generator.model.PageKind;
import io.veroforge.generator.model.Permission;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Role;
import io.veroforge.generator.model.TemplatePack;
import io.veroforge.generator.model.Workflow;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.UniversalEntity;
import io.veroforge.generator.ontology.VerticalMap;
import io.veroforge.generator.ontology.VerticalTerm;
import io.veroforge.generator.requirements.ProposedEntity;
import io.veroforge.generator.requirements.ProposedField;
import io.veroforge.generator.requirements.ProposedRelation;
import io.veroforge.generator.requirements.ProposedRole;
import io.veroforge.generator.requirements.RequirementProposal;
import io.veroforge.generator.validate.ModelValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Fills an AppSpec from the ontology. Each entity that names a vertical term (or one of its
 * aliases) or a universal entity starts from that definition's fields and relations; whatever
 * the spec says explicitly replaces a default of the same name. With no entities at all, the
 * vertical's terms become the entities. Vertical roles and workflows are added when the entities
 * they need exist and no explicit one has the same name; every app gets an {@code admin} role.
 */
public final class OntologyResolver {

    static final String ADMIN_ROLE = "admin";

    private final Ontology ontology;
    private final ModelValidator validator;

    public OntologyResolver(Ontology ontology, ModelValidator validator) {
        this.ontology = ontology;
        this.validator = validator;
    }

    /** An app entity with the ontology definitions it was matched to. */
    private record Source(String name, VerticalTerm term, UniversalEntity universal, EntityInput explicit, Origin origin, String path,
                          ProposedEntity proposed) {
        Source(String name, VerticalTerm term, UniversalEntity universal, EntityInput explicit, Origin origin, String path) {
            this(name, term, universal, explicit, origin, path, null);
        }

        String concept() {
            return term != null && term.concept() != null ? term.concept() : universal != null ? universal.concept() : null;
        }
    }

    /** The filled model, and the defaults left out of entities that declare their own fields. */
    public record Filled(ResolvedModel model, List<OntologySuggestion> suggestions) {
    }

    public ResolvedModel resolve(String appName, String namespace, AppSpecInput spec) {
        return fill(appName, namespace, spec).model();
    }

    public Filled fill(String appName, String namespace, AppSpecInput spec) {
        return fill(appName, namespace, spec, RequirementProposal.none("none", "none"));
    }

    /**
     * Fills the spec, then adds what the requirement analyzer proposed under it: entities no
     * explicit (or vertical) entity already is, their fields and relations, and roles no explicit
     * role has the name of. An unknown vertical the analyzer mapped to a known one lends that
     * vertical's term defaults to the proposed entities, but not its whole term list.
     */
    public Filled fill(String appName, String namespace, AppSpecInput spec, RequirementProposal proposal) {
        Optional<VerticalMap> vertical = ontology.vertical(spec.vertical());
        Optional<VerticalMap> termVertical = vertical.isPresent() ? vertical : proposal.mappedVertical().flatMap(ontology::vertical);
        List<Source> sources = sources(spec, vertical);
        addProposed(sources, proposal, termVertical);
        int explicitRoles = spec.roles().size();
        spec = withProposedRoles(spec, proposal, sources);
        vertical = termVertical;
        Targets targets = new Targets(sources);

        List<Entity> entities = new ArrayList<>();
        List<OntologySuggestion> suggestions = new ArrayList<>();
        for (Source source : sources) {
            entities.add(entity(source, vertical, targets, suggestions));
        }
        entities = NameFieldDefault.addWhereNothingIsWritable(RelationPairing.pair(entities));

        List<Role> roles = roles(spec, explicitRoles, vertical, targets, entities);
        entities = withOwnerColumns(entities, roles);

        // the CRD's defaults (ai: {} = enabled, 20 gaps), so a file read by the CLI resolves like the admitted resource
        AiSettings ai = spec.ai() == null ? AiSettings.DEFAULTS : new AiSettings(
                spec.ai().enabled() == null || spec.ai().enabled(), spec.ai().model(),
                spec.ai().maxGapsPerGeneration() == null ? AiSettings.DEFAULT_MAX_GAPS : spec.ai().maxGapsPerGeneration());
        TemplatePack pack = spec.templatePack() == null
                ? new TemplatePack(TemplatePack.DEFAULT_NAME, null)
                : new TemplatePack(spec.templatePack().name() == null ? TemplatePack.DEFAULT_NAME : spec.templatePack().name(),
                spec.templatePack().revision());
        ComplianceProfile noCompliance = new ComplianceProfile(List.of(), false, false, false, null, false, false, null, List.of());
        ResolvedModel model = new ResolvedModel(appName, namespace, vertical.map(VerticalMap::id).orElse(spec.vertical()),
                spec.requirements(), pack, noCompliance, entities, roles, List.of(), pages(spec, entities), List.of(), ai);
        return new Filled(new ResolvedModel(model.name(), model.namespace(), model.vertical(), model.requirements(), model.templatePack(),
                model.compliance(), model.entities(), model.roles(), workflows(spec, vertical, targets, model), model.pages(),
                model.gaps(), model.ai()), List.copyOf(suggestions));
    }

    private void addProposed(List<Source> sources, RequirementProposal proposal, Optional<VerticalMap> vertical) {
        Set<String> taken = new HashSet<>();
        sources.forEach(s -> {
            taken.add(s.name().toLowerCase(Locale.ROOT));
            if (s.term() != null) {
                taken.add("term:" + s.term().name());
            }
        });
        for (ProposedEntity p : proposal.entities()) {
            VerticalTerm term = p.term() == null ? null : vertical.flatMap(v -> v.term(p.term())).orElse(null);
            if (taken.contains(p.name().toLowerCase(Locale.ROOT)) || term != null && taken.contains("term:" + term.name())) {
                continue; // explicit (or the vertical's own) entity of that name or meaning wins
            }
            UniversalEntity universal = term != null
                    ? (term.concept() == null ? null : ontology.concept(term.concept()).orElse(null))
                    : p.concept() == null ? null : ontology.concept(p.concept()).orElse(null);
            String path = "requirements[" + p.name() + "]";
            List<FieldInput> fields = p.fields().stream().map(ProposedField::field).toList();
            List<RelationInput> relations = p.relations().stream().map(ProposedRelation::relation).toList();
            EntityInput input = new EntityInput(p.name(), null, fields, relations, true);
            sources.add(new Source(p.name(), term, universal, input, Origin.requirements(p.provenance().describe()
                    + (p.term() != null || p.concept() != null ? ", placed on " + (p.term() != null ? p.term() : p.concept())
                    + String.format(Locale.ROOT, " (similarity %.2f)", p.similarity()) : "")), path, p));
            taken.add(p.name().toLowerCase(Locale.ROOT));
            if (term != null) {
                taken.add("term:" + term.name());
            }
        }
    }

    /** Proposed roles go in after the explicit ones, named in {@code roles[...]} paths of their own. */
    private static AppSpecInput withProposedRoles(AppSpecInput spec, RequirementProposal proposal, List<Source> sources) {
        if (proposal.roles().isEmpty()) {
            return spec;
        }
        Set<String> entityNames = new HashSet<>();
        sources.forEach(s -> entityNames.add(s.name()));
        Set<String> taken = new HashSet<>();
        spec.roles().stream().filter(r -> r != null && r.name() != null).forEach(r -> taken.add(r.name().toLowerCase(Locale.ROOT)));
        List<RoleInput> roles = new ArrayList<>(spec.roles());
        for (ProposedRole p : proposal.roles()) {
            if (taken.add(p.role().name().toLowerCase(Locale.ROOT))) {
                List<PermissionInput> permissions = p.role().permissions().stream()
                        .filter(q -> q.allEntities() || entityNames.contains(q.entity())).toList();
                roles.add(new RoleInput(p.role().name(), p.role().description() + " (" + p.provenance().describe() + ")", permissions));
            }
        }
        return new AppSpecInput(spec.requirements(), spec.vertical(), spec.templatePack(), spec.compliance(), spec.entities(), roles,
                spec.workflows(), spec.pages(), spec.ai(), spec.delivery(), spec.rollout(), spec.approval(), spec.revisionHistoryLimit(), spec.draft());
    }

    private List<Source> sources(AppSpecInput spec, Optional<VerticalMap> vertical) {
        List<Source> sources = new ArrayList<>();
        if (spec.entities().isEmpty()) {
            vertical.ifPresent(v -> v.terms().forEach(term -> sources.add(new Source(term.name(), term,
                    term.concept() == null ? null : ontology.concept(term.concept()).orElse(null), null,
                    Origin.vertical(v.id(), term.name()), "entities[" + term.name() + "]"))));
            return sources;
        }
        for (int i = 0; i < spec.entities().size(); i++) {
            EntityInput in = spec.entities().get(i);
            if (in == null || in.name() == null || in.name().isBlank()) {
                continue;
            }
            String path = "entities[" + i + "]";
            VerticalTerm term = vertical.flatMap(v -> v.term(in.name())).orElse(null);
            UniversalEntity universal = term != null
                    ? (term.concept() == null ? null : ontology.concept(term.concept()).orElse(null))
                    : ontology.universalNamed(in.name()).orElse(null);
            sources.add(new Source(in.name(), term, universal, in, Origin.explicit(path), path));
        }
        return sources;
    }

    /** Maps the names ontology data uses (concepts, vertical terms) to the app's entity names. */
    private static final class Targets {
        private final Map<String, String> byTerm = new LinkedHashMap<>();
        private final Map<String, String> byConcept = new LinkedHashMap<>();
        private final Set<String> names = new HashSet<>();

        Targets(List<Source> sources) {
            for (Source s : sources) {
                names.add(s.name());
                if (s.term() != null) {
                    byTerm.putIfAbsent(s.term().name(), s.name());
                }
                if (s.concept() != null) {
                    byConcept.putIfAbsent(s.concept(), s.name());
                }
            }
        }

        /** The app entity an ontology reference means, or null when the app has none. */
        String resolve(String reference, Optional<VerticalMap> vertical) {
            if (reference == null) {
                return null;
            }
            if (names.contains(reference)) {
                return reference;
            }
            if (byTerm.containsKey(reference)) {
                return byTerm.get(reference);
            }
            if (byConcept.containsKey(reference)) {
                return byConcept.get(reference);
            }
            return vertical.flatMap(v -> v.terms().stream().filter(t -> t.name().equals(reference)).findFirst())
                    .map(VerticalTerm::concept).map(byConcept::get).orElse(null);
        }
    }

    /**
     * An entity: the ontology's defaults (universal, then vertical) unless it declares its own
     * fields and does not opt in with {@code ontologyDefaults: true} — then the defaults become
     * suggestions — and the explicit elements over them. An explicit field that replaces a default
     * of the same name keeps the default's markers too (a card number stays card data).
     */
    private Entity entity(Source source, Optional<VerticalMap> vertical, Targets targets, List<OntologySuggestion> suggestions) {
        String name = source.name();
        String base = source.path();
        List<Field> defaultFields = new ArrayList<>();
        List<Relation> defaultRelations = new ArrayList<>();
        VerticalTerm term = source.term();
        UnaryOperator<String> rename = term == null ? UnaryOperator.identity() : term::rename;
        if (source.universal() != null) {
            Origin origin = Origin.universal(source.universal().concept());
            addDefaults(name, source.universal().fields(), source.universal().relations(), rename, origin, base, vertical, targets,
                    defaultFields, defaultRelations);
        }
        if (term != null) {
            Origin origin = Origin.vertical(vertical.map(VerticalMap::id).orElse("?"), term.name());
            addDefaults(name, term.fields(), term.relations(), UnaryOperator.identity(), origin, base, vertical, targets,
                    defaultFields, defaultRelations);
        }
        EntityInput explicit = source.explicit();
        boolean withDefaults = explicit == null || explicit.takesOntologyDefaults();
        List<Field> fields = new ArrayList<>(withDefaults ? defaultFields : List.of());
        List<Relation> relations = new ArrayList<>(withDefaults ? defaultRelations : List.of());
        if (explicit != null) {
            for (int j = 0; j < explicit.fields().size(); j++) {
                FieldInput in = explicit.fields().get(j);
                String path = base + ".fields[" + j + "]";
                if (in == null) {
                    continue;
                }
                if (source.proposed() != null && defaultFields.stream().anyMatch(d -> d.name().equals(in.name()))) {
                    continue; // the ontology's field of that name is better typed than a guess from a phrase
                }
                ModelElements.field(name, in, in.name(), originOf(source, j, true, path), path)
                        .map(f -> defaultFields.stream().filter(d -> d.name().equals(f.name())).findFirst().map(f::withMarkersOf).orElse(f))
                        .ifPresent(f -> {
                            relations.removeIf(r -> r.name().equals(f.name()) && r.origin().kind() != OriginKind.EXPLICIT);
                            replaceDefault(fields, f, Field::name, Field::origin);
                        });
            }
            for (int j = 0; j < explicit.relations().size(); j++) {
                RelationInput in = explicit.relations().get(j);
                String path = base + ".relations[" + j + "]";
                if (in == null) {
                    continue;
                }
                if (source.proposed() != null && (defaultRelations.stream().anyMatch(d -> d.target().equals(in.target()))
                        || fields.stream().anyMatch(f -> f.name().equals(in.name())))) {
                    continue;
                }
                ModelElements.relation(name, in, in.name(), in.target(), originOf(source, j, false, path), path).ifPresent(r -> {
                    fields.removeIf(f -> f.name().equals(r.name()) && f.origin().kind() != OriginKind.EXPLICIT);
                    replaceDefault(relations, r, Relation::name, Relation::origin);
                });
            }
        }
        if (!withDefaults) {
            Set<String> declared = new HashSet<>();
            fields.forEach(f -> declared.add(f.name()));
            relations.forEach(r -> declared.add(r.name()));
            defaultFields.stream().filter(f -> !declared.contains(f.name())).forEach(f -> suggestions.add(new OntologySuggestion(name, base,
                    f.name() + ": " + f.type().keyword() + (f.required() ? ", required" : "") + (f.markers().isEmpty() ? ""
                            : ", " + String.join(", ", f.markers().stream().map(Keyword::keyword).toList())), f.origin().toString())));
            defaultRelations.stream().filter(r -> !declared.contains(r.name())).forEach(r -> suggestions.add(new OntologySuggestion(name,
                    base, r.name() + " -> " + r.target() + " (" + r.kind().keyword() + (r.required() ? ", required" : "") + ")",
                    r.origin().toString())));
        }
        return new Entity(name, source.concept(), EntityNames.of(name), fields, relations, EntityCompliance.NONE, null,
                source.origin(), base, explicit == null ? null : explicit.description());
    }

    private static Origin originOf(Source source, int index, boolean field, String path) {
        if (source.proposed() == null) {
            return Origin.explicit(path);
        }
        return Origin.requirements((field ? source.proposed().fields().get(index).provenance()
                : source.proposed().relations().get(index).provenance()).describe());
    }

    private static void addDefaults(String entity, List<FieldInput> fieldInputs, List<RelationInput> relationInputs,
                                    UnaryOperator<String> rename, Origin origin, String base, Optional<VerticalMap> vertical,
                                    Targets targets, List<Field> fields, List<Relation> relations) {
        for (FieldInput in : fieldInputs) {
            String fieldName = rename.apply(in.name());
            ModelElements.field(entity, in, fieldName, origin, base + ".fields[" + fieldName + "]")
                    .ifPresent(f -> replaceDefault(fields, f, Field::name, Field::origin));
        }
        for (RelationInput in : relationInputs) {
            String target = targets.resolve(in.target(), vertical);
            if (target == null) {
                continue; // the app has no entity for this default relation to point at
            }
            String relationName = rename.apply(in.name());
            if (relationName.equals(in.name()) && in.name().equals(in.target())) {
                // a relation named after its concept takes the app's word for it: Invoice.order → Invoice.job
                relationName = Inflector.camel(target);
            }
            ModelElements.relation(entity, in, relationName, target, origin, base + ".relations[" + relationName + "]")
                    .ifPresent(r -> {
                        fields.removeIf(f -> f.name().equals(r.name()));
                        replaceDefault(relations, r, Relation::name, Relation::origin);
                    });
        }
    }

    /**
     * Puts an element in place of a default with the same name, keeping its position; two
     * explicit elements with one name are both kept so that the validator reports the duplicate.
     */
    private static <T> void replaceDefault(List<T> list, T element, java.util.function.Function<T, String> name,
                                           java.util.function.Function<T, Origin> origin) {
        boolean incomingExplicit = origin.apply(element).kind() == OriginKind.EXPLICIT;
        for (int i = 0; i < list.size(); i++) {
            T existing = list.get(i);
            if (name.apply(existing).equals(name.apply(element))
                    && !(incomingExplicit && origin.apply(existing).kind() == OriginKind.EXPLICIT)) {
                list.set(i, element);
                return;
            }
        }
        list.add(element);
    }

    private List<Role> roles(AppSpecInput spec, int explicitRoles, Optional<VerticalMap> vertical, Targets targets, List<Entity> entities) {
        List<Role> roles = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < spec.roles().size(); i++) {
            RoleInput in = spec.roles().get(i);
            if (in == null || in.name() == null) {
                continue;
            }
            String path = "roles[" + i + "]";
            List<Permission> permissions = new ArrayList<>();
            for (int j = 0; j < in.permissions().size(); j++) {
                PermissionInput p = in.permissions().get(j);
                String permissionPath = path + ".permissions[" + j + "]";
                if (p == null || p.entity() == null) {
                    continue;
                }
                if (p.allEntities()) {
                    entities.forEach(e -> permissions.add(ModelElements.permission(p, e.name(), permissionPath)));
                } else {
                    permissions.add(ModelElements.permission(p, p.entity(), permissionPath));
                }
            }
            Origin origin = i < explicitRoles ? Origin.explicit(path) : Origin.requirements(in.description());
            roles.add(new Role(in.name(), ModelElements.mergePermissions(permissions), origin, path, in.description()));
            taken.add(in.name().toLowerCase(Locale.ROOT));
        }
        vertical.ifPresent(v -> {
            for (RoleInput in : v.roles()) {
                if (taken.contains(in.name().toLowerCase(Locale.ROOT))) {
                    continue; // an explicit role of this name wins
                }
                List<Permission> permissions = new ArrayList<>();
                for (PermissionInput p : in.permissions()) {
                    if (p.allEntities()) {
                        entities.forEach(e -> permissions.add(ModelElements.permission(p, e.name(), null)));
                        continue;
                    }
                    String entity = targets.resolve(p.entity(), vertical);
                    if (entity != null) {
                        permissions.add(ModelElements.permission(p, entity, null));
                    }
                }
                if (!permissions.isEmpty()) {
                    roles.add(new Role(in.name(), ModelElements.mergePermissions(permissions), Origin.vertical(v.id(), "role " + in.name()),
                            "roles[" + in.name() + "]", in.description()));
                    taken.add(in.name().toLowerCase(Locale.ROOT));
                }
            }
        });
        if (!taken.contains(ADMIN_ROLE)) {
            List<Permission> all = entities.stream()
                    .map(e -> new Permission(e.name(), Arrays.asList(CrudAction.values()), false)).toList();
            roles.add(new Role(ADMIN_ROLE, all, Origin.derived("every app has an admin role with full access"), "roles[" + ADMIN_ROLE + "]",
                    "full access to every entity"));
        }
        return roles;
    }

    /** An own-rows-only permission needs a column saying who owns a row; the row-level security policy compares it. */
    private static List<Entity> withOwnerColumns(List<Entity> entities, List<Role> roles) {
        Set<String> owned = new HashSet<>();
        roles.forEach(r -> r.permissions().stream().filter(Permission::ownRowsOnly).forEach(p -> owned.add(p.entity())));
        return entities.stream().map(e -> owned.contains(e.name()) ? e.withOwnerField("ownerId") : e).toList();
    }

    private List<Workflow> workflows(AppSpecInput spec, Optional<VerticalMap> vertical, Targets targets, ResolvedModel model) {
        List<Workflow> workflows = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < spec.workflows().size(); i++) {
            WorkflowInput in = spec.workflows().get(i);
            if (in == null) {
                continue;
            }
            String path = "workflows[" + i + "]";
            ModelElements.workflow(in, UnaryOperator.identity(), Origin.explicit(path), path).ifPresent(w -> {
                workflows.add(w);
                taken.add(w.name().toLowerCase(Locale.ROOT));
            });
        }
        vertical.ifPresent(v -> {
            for (WorkflowInput in : v.workflows()) {
                if (taken.contains(in.name().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                UnaryOperator<String> entityName = n -> Optional.ofNullable(targets.resolve(n, vertical)).orElse(n);
                ModelElements.workflow(in, entityName, Origin.vertical(v.id(), "workflow " + in.name()), "workflows[" + in.name() + "]")
                        // a default workflow that does not fit this app (a missing entity, field or role) is left out
                        .filter(w -> validator.checkWorkflow(w, model).isEmpty())
                        .ifPresent(workflows::add);
            }
        });
        return workflows;
    }

    /**
     * Explicit pages are extra pages (the CRD's meaning): every entity still gets its list, detail
     * and form pages, and the app a dashboard unless an explicit one exists. An explicit page takes
     * the place of a default page of the same name.
     */
    private static List<Page> pages(AppSpecInput spec, List<Entity> entities) {
        List<Page> pages = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        boolean explicitDashboard = false;
        for (int i = 0; i < spec.pages().size(); i++) {
            PageInput in = spec.pages().get(i);
            if (in == null || in.name() == null) {
                continue;
            }
            String path = "pages[" + i + "]";
            Optional<PageKind> kind = Keyword.parse(PageKind.class, in.kind());
            if (kind.isEmpty()) {
                continue;
            }
            explicitDashboard |= kind.get() == PageKind.DASHBOARD;
            Entity entity = in.entity() == null ? null : entities.stream().filter(e -> e.name().equals(in.entity())).findFirst().orElse(null);
            String title = in.title() != null && !in.title().isBlank() ? in.title() : titleOf(in.name());
            pages.add(new Page(in.name(), in.entity(), kind.get(), title, in.roles().stream().filter(r -> r != null).toList(),
                    layoutField(kind.get(), entity), Origin.explicit(path), path));
            taken.add(in.name());
        }
        Origin origin = Origin.derived("default pages: a dashboard, and list, detail and form pages per entity");
        if (!explicitDashboard && taken.add(DASHBOARD_PAGE)) {
            pages.add(new Page(DASHBOARD_PAGE, null, PageKind.DASHBOARD, titleOf(DASHBOARD_PAGE), List.of(), null, origin,
                    "pages[" + DASHBOARD_PAGE + "]"));
        }
        for (Entity entity : entities) {
            for (PageKind kind : List.of(PageKind.LIST, PageKind.DETAIL, PageKind.FORM)) {
                String name = entity.names().kebab() + "-" + kind.keyword();
                if (taken.add(name)) {
                    String title = kind == PageKind.LIST ? entity.names().pluralPascal() : entity.name() + " " + kind.keyword();
                    pages.add(new Page(name, entity.name(), kind, titleOf(title), List.of(), null, origin, "pages[" + name + "]"));
                }
            }
        }
        return pages;
    }

    static final String DASHBOARD_PAGE = "dashboard";

    /** {@code dispatch-board → Dispatch board}, {@code ServiceVisits → Service visits}. */
    static String titleOf(String name) {
        String words = String.join(" ", Inflector.kebab(name).split("-"));
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The field a kanban groups by (an enum, {@code status} first) or a calendar places rows by (a date, scheduled ones first). */
    static String layoutField(PageKind kind, Entity entity) {
        if (entity == null) {
            return null;
        }
        List<Field> candidates = switch (kind) {
            case KANBAN -> entity.fields().stream().filter(f -> f.type() == io.veroforge.generator.model.FieldType.ENUM).toList();
            case CALENDAR -> entity.fields().stream().filter(f -> f.type() == io.veroforge.generator.model.FieldType.DATETIME
                    || f.type() == io.veroforge.generator.model.FieldType.DATE).toList();
            default -> List.of();
        };
        String preferred = kind == PageKind.KANBAN ? "status" : "scheduled";
        return candidates.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).startsWith(preferred)).findFirst()
                .or(() -> candidates.stream().findFirst()).map(Field::name).orElse(null);
    }
}
