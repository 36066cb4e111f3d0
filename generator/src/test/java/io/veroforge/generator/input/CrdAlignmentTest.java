package io.veroforge.generator.input;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.veroforge.generator.model.ActionType;
import io.veroforge.generator.model.CrudAction;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Keyword;
import io.veroforge.generator.model.Marker;
import io.veroforge.generator.model.PageKind;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.RelationKind;
import io.veroforge.generator.model.TriggerType;
import io.veroforge.generator.resolve.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The generator reads every AppSpec the API server admits: walks the committed CRD's
 * openAPIV3Schema for {@code spec} and checks that each property path binds to the generator's
 * input model, and that each enumeration value of the schema is a keyword the generator knows.
 * The generator does not depend on the crds module; it reads the YAML file the module commits.
 */
class CrdAlignmentTest {

    static final Path CRD = Path.of("../crds/crd/appspecs.veroforge.io-v1.yml");

    /** Subtrees the generator accepts whole and leaves to the operator (bound as JsonNode). */
    private static final List<String> OPERATOR_KEYS = List.of("spec.delivery", "spec.rollout", "spec.approval", "spec.revisionHistoryLimit",
            "spec.draft");

    /** Which generator keyword set each enumerated CRD property is checked against. */
    private static final Map<String, Class<? extends Keyword>> KEYWORDS = Map.of(
            "spec.entities[].fields[].type", FieldType.class,
            "spec.entities[].fields[].markers[]", Marker.class,
            "spec.entities[].relations[].kind", RelationKind.class,
            "spec.roles[].permissions[].actions[]", CrudAction.class,
            "spec.workflows[].trigger.type", TriggerType.class,
            "spec.workflows[].actions[].type", ActionType.class,
            "spec.pages[].kind", PageKind.class);

    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory());

    private JsonNode specSchema() throws IOException {
        JsonNode crd = mapper.readTree(Files.readString(CRD));
        JsonNode version = StreamSupport.stream(crd.path("spec").path("versions").spliterator(), false)
                .filter(v -> v.path("name").asText().equals("v1alpha1")).findFirst().orElseThrow();
        JsonNode spec = version.path("schema").path("openAPIV3Schema").path("properties").path("spec");
        assertThat(spec.path("properties").size()).as("spec properties in %s", CRD).isGreaterThan(5);
        return spec;
    }

    @Test
    void everyPropertyOfTheCrdSpecSchemaIsKnownToTheInputModel() throws IOException {
        Map<String, String> unknown = new TreeMap<>();
        List<String> walked = new ArrayList<>();
        walk(specSchema(), "spec", mapper.constructType(AppSpecInput.class), walked, unknown);

        assertThat(unknown).as("CRD property paths the generator's input model does not bind").isEmpty();
        // the walk really covered the schema, down to leaves in lists of objects
        assertThat(walked).contains("spec.entities[].fields[].description", "spec.workflows[].trigger.value",
                "spec.pages[].roles[]", "spec.roles[].permissions[].ownRowsOnly", "spec.templatePack.revision");
    }

    private void walk(JsonNode schema, String path, JavaType type, List<String> walked, Map<String, String> unknown) {
        walked.add(path);
        if (OPERATOR_KEYS.contains(path)) {
            assertThat(type.getRawClass()).as("%s is the operator's and is bound opaquely", path).isIn(JsonNode.class, Integer.class, Boolean.class);
            return;
        }
        if (schema.has("items")) {
            if (!type.isCollectionLikeType()) {
                unknown.put(path, "the CRD has a list, the input model " + type.getRawClass().getSimpleName());
                return;
            }
            walk(schema.get("items"), path + "[]", type.getContentType(), walked, unknown);
            return;
        }
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            checkLeaf(schema, path, type, unknown);
            return;
        }
        BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> property = it.next();
            String childPath = path + "." + property.getKey();
            Optional<BeanPropertyDefinition> bound = bean.findProperties().stream()
                    .filter(p -> p.getName().equals(property.getKey())).findFirst();
            if (bound.isEmpty()) {
                unknown.put(childPath, "no such key in " + type.getRawClass().getSimpleName());
                continue;
            }
            walk(property.getValue(), childPath, bound.get().getPrimaryType(), walked, unknown);
        }
    }

    private static void checkLeaf(JsonNode schema, String path, JavaType type, Map<String, String> unknown) {
        Class<?> raw = type.getRawClass();
        String expected = switch (schema.path("type").asText()) {
            case "string" -> raw == String.class ? null : "string";
            case "integer" -> raw == Integer.class || raw == Long.class ? null : "integer";
            case "number" -> Number.class.isAssignableFrom(raw) ? null : "number";
            case "boolean" -> raw == Boolean.class ? null : "boolean";
            default -> raw == JsonNode.class ? null : schema.path("type").asText();
        };
        if (expected != null) {
            unknown.put(path, "the CRD has a " + expected + ", the input model " + raw.getSimpleName());
        }
        if (schema.has("enum") && !KEYWORDS.containsKey(path)) {
            unknown.put(path, "an enumeration the test does not map to a generator keyword set: add it to KEYWORDS");
        }
    }

    @Test
    void everyEnumerationValueOfTheCrdIsAKeywordOfTheGenerator() throws IOException {
        JsonNode spec = specSchema();
        Map<String, List<String>> missing = new TreeMap<>();
        KEYWORDS.forEach((path, keywordType) -> {
            JsonNode node = spec;
            for (String segment : path.substring("spec.".length()).split("\\.")) {
                boolean list = segment.endsWith("[]");
                node = node.path("properties").path(list ? segment.substring(0, segment.length() - 2) : segment);
                if (list) {
                    node = node.path("items");
                }
            }
            assertThat(node.path("enum").isArray()).as("enum at %s", path).isTrue();
            List<String> known = keywords(keywordType);
            List<String> notKnown = StreamSupport.stream(node.path("enum").spliterator(), false).map(JsonNode::asText)
                    .filter(v -> !known.contains(v)).toList();
            if (!notKnown.isEmpty()) {
                missing.put(path, notKnown);
            }
        });
        assertThat(missing).as("CRD enumeration values the generator does not know").isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> keywords(Class<? extends Keyword> type) {
        return Keyword.keywords((Class) type);
    }

    /** One spec that uses every key and the edges of every CRD constraint the generator could trip on. */
    @Test
    void aSpecUsingEveryCrdFeatureResolvesWithoutErrors() {
        Resolution r = resolveYaml(manifest("""
                vertical: field-service
                requirements: Jobs are booked by phone.
                templatePack: {name: nestjs-prisma-react, revision: 2025.06.1}
                compliance: {hipaa: false, pci: false, gdpr: true}
                entities:
                  - name: ServiceVisit
                    description: One visit at a customer's place.
                    fields:
                      - {name: status, type: enum, values: [scheduled, done], description: Where the visit is}
                      - {name: scheduledAt, type: datetime, required: true}
                      - {name: price, type: money, min: 0.5, max: 100000}
                      - {name: code, type: string, minLength: 0, maxLength: 1048576, pattern: "^[A-Z]+$", unique: true}
                      - {name: address, type: string, markers: [pii, searchable]}
                    relations:
                      - {name: customer, kind: manyToOne, target: Customer, required: true}
                      - {name: badge, kind: oneToOne, target: Badge, cascade: true}
                  - name: Customer
                  - name: Badge
                    fields: [{name: label, type: string}, {name: ownerId, type: uuid}]
                roles:
                  - name: field-technician
                    description: Works the visits assigned to them.
                    permissions:
                      - {entity: "*", actions: [read]}
                      - {entity: ServiceVisit, actions: [update], ownRowsOnly: true}
                  - name: office-admin
                    permissions: [{entity: "*", actions: [create, read, update, delete]}]
                workflows:
                  - name: visit-done
                    description: Tells the office.
                    trigger: {type: fieldChanged, entity: ServiceVisit, field: status, value: done}
                    actions:
                      - {type: notify, to: "role:office-admin", message: "Visit {{address}} done"}
                      - {type: sendEmail, to: "{{customer.email}}", template: visit-done}
                      - {type: setField, field: scheduledAt, value: "now()"}
                      - {type: callWebhook, url: "https://hooks.example.com/x"}
                      - {type: createEntity, entity: Badge}
                  - name: daily-digest
                    trigger: {type: schedule, schedule: "@daily"}
                    actions: [{type: sendEmail, to: "role:field-technician", message: Today's visits}]
                pages:
                  - {name: board, kind: kanban, entity: ServiceVisit, title: Board, roles: [office-admin]}
                  - {name: visit-calendar, kind: calendar, entity: ServiceVisit}
                  - {name: visit-map, kind: map, entity: ServiceVisit}
                  - {name: overview, kind: dashboard, title: Overview}
                ai: {enabled: true, model: fast, maxGapsPerGeneration: 200}
                delivery: {mode: gitops, git: {url: "https://git.example.com/x.git", branch: main, secretRef: x}}
                rollout: {strategy: canary, canary: {templateRef: x, steps: [{weight: 10, pause: 5m}]}}
                approval: {policy: manual}
                revisionHistoryLimit: 100
                """));

        assertThat(r.errors()).as("errors").isEmpty();
        var m = r.model();
        var technician = m.roles().stream().filter(x -> x.name().equals("field-technician")).findFirst().orElseThrow();
        // "*" is expanded to every entity; an own-rows grant adds to it for the actions "*" did not give on all rows
        assertThat(technician.permissions()).extracting(p -> p.entity() + ":" + p.actions() + (p.ownRowsOnly() ? ":own" : ""))
                .containsExactly("ServiceVisit:[READ]", "ServiceVisit:[UPDATE]:own", "Customer:[READ]", "Badge:[READ]");
        assertThat(technician.description()).isEqualTo("Works the visits assigned to them.");
        assertThat(m.entity("ServiceVisit").orElseThrow().description()).isEqualTo("One visit at a customer's place.");
        assertThat(m.workflows().get(0).trigger().value()).isEqualTo("done");
        assertThat(m.workflows().get(0).functionName()).isEqualTo("visitDone");
        assertThat(m.pages()).extracting(p -> p.name() + ":" + p.kind().keyword() + ":" + p.field())
                .startsWith("board:kanban:status", "visit-calendar:calendar:scheduledAt", "visit-map:map:null", "overview:dashboard:null")
                .doesNotContain("dashboard:dashboard:null");
        assertThat(m.ai().maxGapsPerGeneration()).isEqualTo(200);
    }

    @Test
    void semanticProblemsInCrdShapedInputStillGetAPathAndAFix() {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: Visit
                    fields: [{name: status, type: enum, values: [open, done]}, {name: note, type: text}]
                workflows:
                  - name: closed
                    trigger: {type: fieldChanged, entity: Visit, field: status, value: don}
                    actions: [{type: notify, to: "role:ofice-admin", message: hi}]
                pages:
                  - {name: board, kind: calendar, entity: Visit, roles: [nobody]}
                roles:
                  - name: office-admin
                """));
        assertThat(r.errors()).extracting(Problem::path).containsExactlyInAnyOrder(
                "workflows[0].trigger.value", "workflows[0].actions[0].to", "pages[0].roles[0]", "pages[0].kind");
        assertThat(r.errors()).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
        assertThat(r.errors()).extracting(Problem::fix).contains("did you mean \"done\"?", "did you mean \"role:office-admin\"?");
    }
}
