package io.veroforge.localapi;

import io.veroforge.api.validation.StructuralDefaults;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What kube-apiserver does to a custom resource written with create, update or patch, in its
 * order: default, prune unknown fields, check the structural schema, then (if that holds) the
 * CEL rules, transition rules ({@code oldSelf}) only on update. The object is changed in place
 * (defaults added, unknown fields removed), as it will be stored.
 */
final class CustomResourceValidation {
    private final CelRules cel = new CelRules();

    /** The errors and the pruned field paths; {@code old} is null on create. */
    StructuralSchemaCheck.Result validate(JsonNode openApiSchema, ObjectNode object, JsonNode old) {
        StructuralDefaults.apply(openApiSchema, object);
        StructuralSchemaCheck.Result structural = StructuralSchemaCheck.check(openApiSchema, object);
        List<FieldError> errors = new ArrayList<>(structural.errors());
        if (errors.isEmpty()) {
            JsonNode oldDefaulted = null;
            if (old != null) {
                oldDefaulted = old.deepCopy();
                StructuralDefaults.apply(openApiSchema, oldDefaulted);
            }
            errors.addAll(cel.check(openApiSchema, object, oldDefaulted));
        }
        return new StructuralSchemaCheck.Result(errors, structural.pruned());
    }
}
