package io.veroforge.generator.resolve;

import io.veroforge.generator.input.ActionInput;
import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.input.PermissionInput;
import io.veroforge.generator.input.RelationInput;
import io.veroforge.generator.input.WorkflowInput;
import io.veroforge.generator.model.Action;
import io.veroforge.generator.model.ActionType;
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
import java.util.List;
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
        List<Marker> markers = in.markers().stream().map(m -> Keyword.parse(Marker.class, m)).flatMap(Optional::stream).toList();
        return Optional.of(new Field(entity, name, type.get(), Boolean.TRUE.equals(in.required()), Boolean.TRUE.equals(in.unique()),
                in.min(), in.max(), in.minLength(), in.maxLength(), in.pattern(),
                in.values().stream().filter(Objects::nonNull).toList(), markers, FieldStorage.PLAIN, null, origin, path));
    }

    static Optional<Relation> relation(String entity, RelationInput in, String name, String target, Origin origin, String path) {
        Optional<RelationKind> kind = Keyword.parse(RelationKind.class, in.kind());
        if (kind.isEmpty() || name == null || target == null) {
            return Optional.empty();
        }
        return Optional.of(new Relation(entity, name, kind.get(), target, Boolean.TRUE.equals(in.required()),
                Boolean.TRUE.equals(in.cascade()), null, false, null, origin, path));
    }

    static Permission permission(PermissionInput in, String entity) {
        List<CrudAction> actions = in.actions().stream().map(a -> Keyword.parse(CrudAction.class, a)).flatMap(Optional::stream).toList();
        return new Permission(entity, actions, Boolean.TRUE.equals(in.ownRowsOnly()));
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
        Trigger trigger = new Trigger(type.get(), mapped(in.trigger().entity(), entityName), in.trigger().field(), in.trigger().schedule());
        List<Action> actions = in.actions().stream().filter(Objects::nonNull).map(a -> action(a, entityName)).flatMap(Optional::stream).toList();
        return Optional.of(new Workflow(in.name(), trigger, actions, origin, path));
    }

    private static Optional<Action> action(ActionInput in, UnaryOperator<String> entityName) {
        return Keyword.parse(ActionType.class, in.type()).map(type ->
                new Action(type, in.to(), in.template(), in.url(), in.field(), in.value(), mapped(in.entity(), entityName), in.message()));
    }

    private static String mapped(String name, UnaryOperator<String> entityName) {
        return name == null ? null : entityName.apply(name);
    }
}
