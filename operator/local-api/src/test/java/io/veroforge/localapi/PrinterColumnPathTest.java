package io.veroforge.localapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PrinterColumnPathTest {

    private final JsonNode tenant = read("""
            {"spec":{"tier":"pro"},
             "status":{"namespace":"tenant-acme","conditions":[
               {"type":"SchemaReady","status":"False","reason":"DatabaseDown"},
               {"type":"Ready","status":"True","reason":"Provisioned"}]}}
            """);

    @Test
    void readsNestedFields() {
        assertThat(PrinterColumnPath.of(".spec.tier").text(tenant)).isEqualTo("pro");
        assertThat(PrinterColumnPath.of(".status.namespace").text(tenant)).isEqualTo("tenant-acme");
    }

    @Test
    void filtersConditionsByType() {
        assertThat(PrinterColumnPath.of(".status.conditions[?(@.type==\"Ready\")].status").text(tenant))
                .isEqualTo("True");
        assertThat(PrinterColumnPath.of(".status.conditions[?(@.type=='SchemaReady')].reason").text(tenant))
                .isEqualTo("DatabaseDown");
    }

    @Test
    void missingValuesSelectNothing() {
        assertThat(PrinterColumnPath.of(".status.conditions[?(@.type==\"Gone\")].status").select(tenant)).isEmpty();
        assertThat(PrinterColumnPath.of(".status.database.name").select(tenant)).isEmpty();
    }

    @Test
    void indexesAndWildcardsSelectArrayElements() {
        assertThat(PrinterColumnPath.of(".status.conditions[0].type").text(tenant)).isEqualTo("SchemaReady");
        assertThat(PrinterColumnPath.of(".status.conditions[*].type").text(tenant)).isEqualTo("SchemaReady,Ready");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
