package io.veroforge.operator.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Invalid and hostile Tenants and AppSpecs, as people outside the team write them by mistake or on
 * purpose: wrong types, unknown fields, SQL metacharacters and quotes in every free string, 10 kB
 * strings, negative quotas, template syntax, control characters, absurd models (no entities,
 * relation cycles, 300 entities). Seeded, so a failing run can be repeated.
 *
 * <p>Every free string carries {@link #QUOTE_MARKER} or {@link #IDENT_MARKER}: if either reaches a
 * SQL statement without its quote doubled, it was spliced into SQL unquoted
 * ({@link PostgresStatementLog}).
 */
final class HostileObjects {
    /** A single quote between two letters: quoted as a literal it reads {@code vfq''m}. */
    static final String QUOTE_MARKER = "vfq'm";
    /** A double quote between two letters: quoted as an identifier it reads {@code vfd""m}. */
    static final String IDENT_MARKER = "vfd\"m";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_VERSION = "veroforge.io/v1alpha1";

    /** One object to send: what it tries, where it goes, and the JSON body. */
    record Case(String label, String kind, String namespace, String name, ObjectNode body) {
    }

    private final Random random;
    private final String prefix;
    private final List<String> namespaces;
    private int serial;

    /**
     * @param prefix every object's name starts with it (so the run's census and clean-up find them)
     * @param namespaces tenant namespaces AppSpecs go to
     */
    HostileObjects(long seed, String prefix, List<String> namespaces) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.namespaces = namespaces;
    }

    /** {@code count} cases, cycling through every kind of hostility in a seeded order. */
    List<Case> generate(int count) {
        List<BiFunction<HostileObjects, String, Case>> kinds = kinds();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BiFunction<HostileObjects, String, Case> kind = i < kinds.size() ? kinds.get(i) : kinds.get(random.nextInt(kinds.size()));
            cases.add(kind.apply(this, nextName()));
        }
        return cases;
    }

    private String nextName() {
        return prefix + "-h" + (serial++);
    }

    /** A free string that SQL, a template engine, a shell or a browser would each misread if spliced in. */
    String hostileText() {
        String[] texts = {
            "Robert'); DROP TABLE tenants; -- " + QUOTE_MARKER,
            IDENT_MARKER + "\"; DROP SCHEMA public CASCADE; --",
            "$$ " + QUOTE_MARKER + " $$; SELECT pg_sleep(30); --",
            "\\'; SELECT pg_sleep(30); -- " + QUOTE_MARKER,
            "{app.name}{#include ../../etc/passwd/} {#for x in 1..999999999}{x}{/for} " + QUOTE_MARKER,
            "${jndi:ldap://127.0.0.1:1/a} `rm -rf /` $(reboot) " + QUOTE_MARKER,
            "<script>alert(1)</script><img src=x onerror=alert(2)> " + IDENT_MARKER,
            "line one\nline two\r\n\ttabbed \u0001\u0007 " + QUOTE_MARKER,
            "nul \u0000 inside " + QUOTE_MARKER,
            "Ünïcødé ☃ 𝔘 \u202Eevil " + QUOTE_MARKER,
        };
        return texts[random.nextInt(texts.length)];
    }

    private static String tenKilobytes() {
        return "A".repeat(10 * 1024) + QUOTE_MARKER;
    }

    // ---- Tenants ----

    private Case tenant(String label, String name, ObjectNode spec) {
        ObjectNode body = JSON.createObjectNode().put("apiVersion", API_VERSION).put("kind", "Tenant");
        body.putObject("metadata").put("name", name);
        if (spec != null) {
            body.set("spec", spec);
        }
        return new Case(label, "Tenant", null, name, body);
    }

    private ObjectNode tenantSpec(String name) {
        ObjectNode spec = JSON.createObjectNode().put("tier", "basic");
        spec.putArray("owners").addObject().put("kind", "User").put("name", "owner@" + name + ".example");
        return spec;
    }

    private Case tenantHostileDisplayName(String name) {
        return tenant("Tenant: hostile displayName", name, tenantSpec(name).put("displayName", hostileText()));
    }

    private Case tenantHostileOwner(String name) {
        ObjectNode spec = tenantSpec(name);
        ((ArrayNode) spec.get("owners")).addObject().put("kind", "Group").put("name", hostileText());
        return tenant("Tenant: hostile owner name", name, spec);
    }

    private Case tenantTierWrongType(String name) {
        ObjectNode spec = tenantSpec(name);
        spec.put("tier", 7);
        return tenant("Tenant: tier is a number", name, spec);
    }

    private Case tenantTierHostile(String name) {
        return tenant("Tenant: tier is SQL", name, tenantSpec(name).put("tier", hostileText()));
    }

    private Case tenantUnknownField(String name) {
        return tenant("Tenant: unknown field", name, tenantSpec(name).put("superuser", true));
    }

    private Case tenantNegativePods(String name) {
        ObjectNode spec = tenantSpec(name);
        spec.putObject("quota").put("pods", -5);
        return tenant("Tenant: negative pod quota", name, spec);
    }

    private Case tenantNegativeCpu(String name) {
        ObjectNode spec = tenantSpec(name);
        spec.putObject("quota").put("cpu", "-2").put("memory", "-1Gi");
        return tenant("Tenant: negative cpu/memory quota", name, spec);
    }

    private Case tenantHostileQuantity(String name) {
        ObjectNode spec = tenantSpec(name);
        spec.putObject("quota").put("cpu", hostileText());
        return tenant("Tenant: quota cpu is SQL", name, spec);
    }

    private Case tenantHostileLimits(String name) {
        ObjectNode spec = tenantSpec(name);
        spec.putObject("limits").putObject("max").put("memory", "99999999999999999999Ei").put("cpu", "1'; DROP");
        return tenant("Tenant: absurd limits", name, spec);
    }

    private Case tenantHostileTtl(String name) {
        return tenant("Tenant: ttl is SQL", name, tenantSpec(name).put("ttl", hostileText()));
    }

    private Case tenantHostileNetwork(String name) {
        ObjectNode spec = tenantSpec(name);
        spec.putObject("network").putArray("allowFromNamespaces").add(hostileText());
        return tenant("Tenant: hostile allowed namespace", name, spec);
    }

    private Case tenantHostileName(String name) {
        String[] names = {name + "'; drop", name.toUpperCase(), name + "-" + "x".repeat(200), name + "\"x", "../" + name};
        String bad = names[random.nextInt(names.length)];
        return tenant("Tenant: hostile metadata.name", bad, tenantSpec(name));
    }

    private Case tenantNoSpec(String name) {
        return tenant("Tenant: no spec", name, null);
    }

    private Case tenantOwnersNotAList(String name) {
        ObjectNode spec = JSON.createObjectNode().put("tier", "basic").put("owners", "alice");
        return tenant("Tenant: owners is a string", name, spec);
    }

    private Case tenantHugeDisplayName(String name) {
        return tenant("Tenant: 10 kB displayName", name, tenantSpec(name).put("displayName", tenKilobytes()));
    }

    private Case tenantNegativeInstances(String name) {
        ObjectNode spec = tenantSpec(name);
        spec.putObject("database").put("instances", -1);
        return tenant("Tenant: negative database instances", name, spec);
    }

    private Case tenantHostileDeletionPolicy(String name) {
        return tenant("Tenant: deletionPolicy is SQL", name, tenantSpec(name).put("deletionPolicy", hostileText()));
    }

    // ---- AppSpecs ----

    private Case appSpec(String label, String name, ObjectNode spec) {
        String namespace = namespaces.get(random.nextInt(namespaces.size()));
        ObjectNode body = JSON.createObjectNode().put("apiVersion", API_VERSION).put("kind", "AppSpec");
        body.putObject("metadata").put("name", name).put("namespace", namespace);
        body.set("spec", spec);
        return new Case(label, "AppSpec", namespace, name, body);
    }

    private ObjectNode entity(String entityName, String description) {
        ObjectNode entity = JSON.createObjectNode().put("name", entityName);
        if (description != null) {
            entity.put("description", description);
        }
        entity.putArray("fields").addObject().put("name", "label").put("type", "string").put("required", true)
                .put("description", hostileText());
        return entity;
    }

    private Case appHostileRequirements(String name) {
        return appSpec("AppSpec: hostile requirements only", name, JSON.createObjectNode()
                .put("requirements", "Dispatchers book crews for customers. " + hostileText()));
    }

    private Case appHugeRequirements(String name) {
        return appSpec("AppSpec: 10 kB requirements", name, JSON.createObjectNode().put("requirements", tenKilobytes()));
    }

    private Case appNoEntities(String name) {
        ObjectNode spec = JSON.createObjectNode();
        spec.putArray("entities");
        return appSpec("AppSpec: zero entities, nothing else", name, spec);
    }

    private Case appRelationCycle(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode entities = spec.putArray("entities");
        ObjectNode a = entity("Alpha", hostileText());
        a.putArray("relations").addObject().put("name", "beta").put("kind", "manyToOne").put("target", "Beta").put("required", true);
        ObjectNode b = entity("Beta", hostileText());
        b.putArray("relations").addObject().put("name", "alpha").put("kind", "manyToOne").put("target", "Alpha").put("required", true);
        entities.add(a).add(b);
        return appSpec("AppSpec: required relation cycle", name, spec);
    }

    private Case appThreeHundredEntities(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode entities = spec.putArray("entities");
        for (int i = 0; i < 300; i++) {
            entities.add(entity("Thing" + i, null));
        }
        return appSpec("AppSpec: 300 entities", name, spec);
    }

    private Case appHostileDescriptions(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode entities = spec.putArray("entities");
        ObjectNode customer = entity("Customer", hostileText());
        ((ArrayNode) customer.get("fields")).addObject().put("name", "notes").put("type", "text").put("description", hostileText());
        entities.add(customer);
        spec.putArray("pages").addObject().put("name", "customers").put("kind", "list").put("entity", "Customer").put("title", hostileText());
        return appSpec("AppSpec: hostile descriptions and titles", name, spec);
    }

    private Case appHostilePattern(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ObjectNode entity = entity("Part", null);
        String[] patterns = {"[unclosed", "(a+)+$", "^(?<x>a)\\k<y>$", "'; DROP TABLE x; --" + QUOTE_MARKER};
        ((ArrayNode) entity.get("fields")).addObject().put("name", "code").put("type", "string")
                .put("pattern", patterns[random.nextInt(patterns.length)]);
        spec.putArray("entities").add(entity);
        return appSpec("AppSpec: broken or hostile field pattern", name, spec);
    }

    private Case appUnknownFieldType(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ObjectNode entity = entity("Part", null);
        ((ArrayNode) entity.get("fields")).addObject().put("name", "code").put("type", "sql");
        spec.putArray("entities").add(entity);
        return appSpec("AppSpec: unknown field type", name, spec);
    }

    private Case appHostileEntityName(String name) {
        ObjectNode spec = JSON.createObjectNode();
        spec.putArray("entities").add(entity("Robert'); DROP TABLE x;--", null));
        return appSpec("AppSpec: hostile entity name", name, spec);
    }

    private Case appInvertedBounds(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ObjectNode entity = entity("Reading", null);
        ((ArrayNode) entity.get("fields")).addObject().put("name", "value").put("type", "decimal").put("min", 100).put("max", -100);
        ((ArrayNode) entity.get("fields")).addObject().put("name", "tag").put("type", "string").put("minLength", 50).put("maxLength", 5);
        spec.putArray("entities").add(entity);
        return appSpec("AppSpec: min above max", name, spec);
    }

    private Case appUnknownNestedField(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ObjectNode entity = entity("Part", null).put("sqlOverride", "DROP TABLE parts");
        spec.putArray("entities").add(entity);
        return appSpec("AppSpec: unknown nested field", name, spec);
    }

    private Case appHostileVertical(String name) {
        String[] verticals = {"../../etc/passwd", "no-such-vertical", "hotel'; DROP"};
        return appSpec("AppSpec: hostile or unknown vertical", name, JSON.createObjectNode()
                .put("vertical", verticals[random.nextInt(verticals.length)]));
    }

    private Case appRelationToNowhere(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ObjectNode entity = entity("Order", null);
        entity.putArray("relations").addObject().put("name", "ghost").put("kind", "manyToOne").put("target", "Ghost");
        spec.putArray("entities").add(entity);
        return appSpec("AppSpec: relation to an undeclared entity", name, spec);
    }

    private Case appHostileWorkflow(String name) {
        ObjectNode spec = JSON.createObjectNode();
        ObjectNode entity = entity("Ticket", null);
        ((ArrayNode) entity.get("fields")).addObject().put("name", "state").put("type", "enum").putArray("values").add("open").add("closed");
        spec.putArray("entities").add(entity);
        ObjectNode workflow = spec.putArray("workflows").addObject().put("name", "notify").put("description", hostileText());
        workflow.putObject("trigger").put("type", "fieldChanged").put("entity", "Ticket").put("field", "state").put("value", hostileText());
        return appSpec("AppSpec: hostile workflow trigger value", name, spec);
    }

    private static List<BiFunction<HostileObjects, String, Case>> kinds() {
        return List.of(
                HostileObjects::tenantHostileDisplayName, HostileObjects::tenantHostileOwner, HostileObjects::tenantTierWrongType,
                HostileObjects::tenantTierHostile, HostileObjects::tenantUnknownField, HostileObjects::tenantNegativePods,
                HostileObjects::tenantNegativeCpu, HostileObjects::tenantHostileQuantity, HostileObjects::tenantHostileLimits,
                HostileObjects::tenantHostileTtl, HostileObjects::tenantHostileNetwork, HostileObjects::tenantHostileName,
                HostileObjects::tenantNoSpec, HostileObjects::tenantOwnersNotAList, HostileObjects::tenantHugeDisplayName,
                HostileObjects::tenantNegativeInstances, HostileObjects::tenantHostileDeletionPolicy,
                HostileObjects::appHostileRequirements, HostileObjects::appHugeRequirements, HostileObjects::appNoEntities,
                HostileObjects::appRelationCycle, HostileObjects::appThreeHundredEntities, HostileObjects::appHostileDescriptions,
                HostileObjects::appHostilePattern, HostileObjects::appUnknownFieldType, HostileObjects::appHostileEntityName,
                HostileObjects::appInvertedBounds, HostileObjects::appUnknownNestedField, HostileObjects::appHostileVertical,
                HostileObjects::appRelationToNowhere, HostileObjects::appHostileWorkflow);
    }
}
