package io.veroforge.generator.resolve;

import io.veroforge.generator.input.ActionInput;
import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.input.PermissionInput;
import io.veroforge.generator.input.RelationInput;
import io.veroforge.generator.input.WorkflowInput;
import io.veroforge.generator.model.Action;
import io.veroforge.generator.model.ActionType;
import io.veroforge.generator.model.CardDataNames;
import io.veroforge.generator.model.CrudAction;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Keyword;
import io.veroforge.generator.model.Marker;
import io.veroforge.generator.model.Origin;
import io.veroforge.generator.model.Permission;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.RelationKind;
import io.veroforge.generator.model.Trigger;
import io.veroforge.generator.model.TriggerType;
import io.veroforge.generator.model.Workflow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Converts input elements (AppSpec or ontology YAML) into model elements. An element whose
 * keyword is unknown converts to empty: {@link io.veroforge.generator.validate.InputValidator}
 * has already reported it, and leaving it out keeps the rest of the model checkable.
 */
final class ModelElements {

    private ModelElements() {
    }

    static Optional<Field> field(String entity, FieldInput in, String name, Origin origin, String path) {
        Optional<FieldType> type = Keyword.parse(FieldType.class, in.type());
        if (type.isEmpty() || name == null) {
            return Optional.empty();
        }
        List<Marker> markers = new ArrayList<>(in.markers().stream().map(m -> Keyword.parse(Marker.class, m)).flatMap(Optional::stream).toList());
        if (CardDataNames.saysCardData(name, in.description())) {
            markers.add(Marker.CARD_DATA); // card data by name or description, whatever the markers say: never stored raw
        }
        return Optional.of(new Field(entity, name, type.get(), Boolean.TRUE.equals(in.required()), Boolean.TRUE.equals(in.unique()),
                in.min(), in.max(), in.minLength(), in.maxLength(), in.pattern(),
                in.values().stream().filter(Objects::nonNull).toList(), markers, FieldStorage.PLAIN, null, origin, path,
                in.description()));
    }

    static Optional<Relation> relation(String entity, RelationInput in, String name, String target, Origin origin, String path) {
        Optional<RelationKind> kind = Keyword.parse(RelationKind.class, in.kind());
        if (kind.isEmpty() || name == null || target == null) {
            return Optional.empty();
        }
        return Optional.of(new Relation(entity, name, kind.get(), target, Boolean.TRUE.equals(in.required()),
                Boolean.TRUE.equals(in.cascade()), null, false, null, origin, path));
    }

    static Permission permission(PermissionInput in, String entity, String path) {
        List<CrudAction> actions = in.actions().stream().map(a -> Keyword.parse(CrudAction.class, a)).flatMap(Optional::stream).toList();
        return new Permission(entity, actions, Boolean.TRUE.equals(in.ownRowsOnly()), path);
    }

    /**
     * One permission per entity and flag, in first-seen order: several grants for one entity
     * (e.g. {@code "*"} plus a specific one) add up; own-rows actions already granted on all rows are dropped.
     * The merged permission keeps the path of the first grant it came from.
     */
    static List<Permission> mergePermissions(List<Permission> permissions) {
        Map<String, List<Permission>> byEntity = new LinkedHashMap<>();
        permissions.forEach(p -> byEntity.computeIfAbsent(p.entity(), k -> new ArrayList<>()).add(p));
        List<Permission> merged = new ArrayList<>();
        byEntity.forEach((entity, grants) -> {
            Set<CrudAction> all = EnumSet.noneOf(CrudAction.class);
            Set<CrudAction> own = EnumSet.noneOf(CrudAction.class);
            grants.forEach(g -> (g.ownRowsOnly() ? own : all).addAll(g.actions()));
            own.removeAll(all);
            if (!all.isEmpty() || own.isEmpty()) {
                merged.add(new Permission(entity, List.copyOf(all), false,
                        grants.stream().filter(g -> !g.ownRowsOnly()).findFirst().orElse(grants.get(0)).path()));
            }
            if (!own.isEmpty()) {
                merged.add(new Permission(entity, List.copyOf(own), true,
                        grants.stream().filter(Permission::ownRowsOnly).findFirst().orElse(grants.get(0)).path()));
            }
        });
        return merged;
    }

    /** @param entityName maps entity names as written to the app's entity names (vertical terms → app names) */
    static Optional<Workflow> workflow(WorkflowInput in, UnaryOperator<String> entityName, Origin origin, String path) {
        if (in.name() == null || in.trigger() == null) {
            return Optional.empty();
        }
        Optional<TriggerType> type = Keyword.parse(TriggerType.class, in.trigger().type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Trigger trigger = new Trigger(type.get(), mapped(in.trigger().entity(), entityName), in.trigger().field(), in.trigger().schedule(),
                in.trigger().value());
        List<Action> actions = in.actions().stream().filter(Objects::nonNull).map(a -> action(a, entityName)).flatMap(Optional::stream).toList();
        return Optional.of(new Workflow(in.name(), trigger, actions, origin, path, in.description()));
    }

    private static Optional<Action> action(ActionInput in, UnaryOperator<String> entityName) {
        return Keyword.parse(ActionType.class, in.type()).map(type ->
                new Action(type, in.to(), in.template(), in.url(), in.field(), in.value(), mapped(in.entity(), entityName), in.message()));
    }

    private static String mapped(String name, UnaryOperator<String> entityName) {
        return name == null ? null : entityName.apply(name);
    }
}
