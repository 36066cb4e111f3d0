package io.veroforge.api.v1alpha1;

import io.veroforge.api.validation.StructuralDefaults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Accepts or rejects an object the way the API server would with a kind's committed CRD: defaults,
 * then the OpenAPI schema (as JSON Schema), then the CEL rules. Returns violations naming the field.
 */
final class CrdValidator {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonNode openApiSchema;
    private final JsonSchema jsonSchema;
    private final CelRuleChecker cel = new CelRuleChecker();

    private CrdValidator(JsonNode openApiSchema) {
        this.openApiSchema = openApiSchema;
        this.jsonSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(OpenApiToJsonSchema.convert(openApiSchema));
    }

    /** A validator for the CRD packaged for this kind (the committed YAML). */
    static CrdValidator forKind(Class<? extends HasMetadata> kind) {
        try {
            JsonNode crd = YAML.readTree(CrdManifests.yaml(kind));
            return new CrdValidator(crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the CRD of " + kind.getSimpleName(), e);
        }
    }

    JsonNode openApiSchema() {
        return openApiSchema;
    }

    CelRuleChecker cel() {
        return cel;
    }

    List<String> validateCreate(JsonNode object) {
        return validate(null, object);
    }

    List<String> validateUpdate(JsonNode oldObject, JsonNode newObject) {
        return validate(oldObject, newObject);
    }

    private List<String> validate(JsonNode oldObject, JsonNode newObject) {
        JsonNode candidate = newObject.deepCopy();
        StructuralDefaults.apply(openApiSchema, candidate);
        JsonNode old = null;
        if (oldObject != null) {
            old = oldObject.deepCopy();
            StructuralDefaults.apply(openApiSchema, old);
        }
        List<String> violations = new ArrayList<>();
        jsonSchema.validate(candidate).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .forEach(m -> violations.add(m.getMessage()));
        violations.addAll(cel.check(openApiSchema, candidate, old));
        return violations;
    }
}
