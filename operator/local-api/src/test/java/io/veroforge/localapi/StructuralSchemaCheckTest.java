package io.veroforge.localapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The structural-schema rules of kube-apiserver, in its words, without a server. */
class StructuralSchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCHEMA = """
            {"type":"object","properties":{
              "spec":{"type":"object","required":["tier"],"properties":{
                "tier":{"type":"string","enum":["basic","pro"]},
                "pods":{"type":"integer","minimum":1,"maximum":10},
                "ttl":{"type":"string","pattern":"^[0-9]+h$","maxLength":4},
                "owners":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"object","properties":{"name":{"type":"string"}}}},
                "cpu":{"x-kubernetes-int-or-string":true},
                "model":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
                "labels":{"type":"object","additionalProperties":{"type":"string"}}}}}}
            """;

    @Test
    void eachRuleIsReportedAtItsFieldInTheApiServersWords() throws Exception {
        StructuralSchemaCheck.Result result = check("""
                {"apiVersion":"x/v1","kind":"K","metadata":{"name":"a"},"spec":{"pods":0,"ttl":"forever",
                 "owners":[{"name":"a"},{"name":"b"},{"name":"c"}],"cpu":true,"labels":{"team":7}}}
                """);
        assertThat(result.errors()).extracting(FieldError::message).containsExactly(
                "spec.tier: Required value",
                "spec.pods: Invalid value: 0: spec.pods in body should be greater than or equal to 1",
                "spec.ttl: Too long: may not be longer than 4",
                "spec.ttl: Invalid value: \"forever\": spec.ttl in body should match '^[0-9]+h$'",
                "spec.owners: Too many: 3: must have at most 2 items",
                "spec.cpu: Invalid value: true: spec.cpu in body must be of type integer-or-string: \"boolean\"",
                "spec.labels[team]: Invalid value: 7: spec.labels[team] in body must be of type string: \"integer\"");
    }

    @Test
    void unknownFieldsArePrunedUnlessTheSchemaPreservesThem() throws Exception {
        ObjectNode object = (ObjectNode) JSON.readTree("""
                {"apiVersion":"x/v1","kind":"K","metadata":{"name":"a"},"extra":1,
                 "spec":{"tier":"gold","colour":"blue","model":{"anything":{"goes":true}},"owners":[{"name":"a","age":3}]}}
                """);
        StructuralSchemaCheck.Result result = StructuralSchemaCheck.check(JSON.readTree(SCHEMA), object);
        assertThat(result.pruned()).containsExactly("extra", "spec.colour", "spec.owners[0].age");
        assertThat(result.errors()).extracting(FieldError::message)
                .containsExactly("spec.tier: Unsupported value: \"gold\": supported values: \"basic\", \"pro\"");
        assertThat(object.path("spec").path("model").path("anything").path("goes").asBoolean()).isTrue();
        assertThat(object.has("metadata")).as("the server's own root fields are kept").isTrue();
    }

    private static StructuralSchemaCheck.Result check(String object) throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA);
        return StructuralSchemaCheck.check(schema, (ObjectNode) JSON.readTree(object));
    }
}
