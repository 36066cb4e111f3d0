package io.veroforge.localapi;

import io.veroforge.api.validation.KubernetesCelLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * Evaluates a CRD's {@code x-kubernetes-validations} rules with Google's CEL implementation, the
 * way the API server does: each rule runs with {@code self} bound to the value at its schema node
 * (typed by the schema, property names escaped), transition rules ({@code oldSelf}) only on
 * update and only where an old value exists at the same path. Old values are correlated through
 * object properties and map keys, not through list items (our lists are atomic).
 *
 * <p>Adapted from the crds module's test oracle of the same logic (CelRuleChecker), which checks
 * the examples against the committed CRDs; this one answers the local API.
 */
final class CelRules {
    /** CEL keywords Kubernetes escapes as {@code __keyword__} when they are property names. */
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
            "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace",
            "return", "var", "void", "while");

    private final Cel cel = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .addFunctionDeclarations(KubernetesCelLibrary.declarations())
            .addFunctionBindings(KubernetesCelLibrary.bindings())
            .build();
    private final Map<String, CelAbstractSyntaxTree> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    /** Planned once per rule: planning costs more than evaluating, and every write evaluates every rule. */
    private final Map<String, CelRuntime.Program> programs = new java.util.concurrent.ConcurrentHashMap<>();

    /** Compiles a rule, failing with the CEL error if it is not valid for the API server either. */
    CelAbstractSyntaxTree compile(String rule) {
        return compiled.computeIfAbsent(rule, r -> {
            try {
                return cel.compile(r).getAst();
            } catch (CelValidationException e) {
                throw new IllegalArgumentException("CEL rule does not compile: " + r + "\n" + e.getMessage(), e);
            }
        });
    }

    private CelRuntime.Program program(String rule) throws CelEvaluationException {
        CelRuntime.Program program = programs.get(rule);
        if (program == null) {
            program = cel.createProgram(compile(rule));
            programs.put(rule, program);
        }
        return program;
    }

    /** Every rule that does not hold, at the path of the schema node that declares it. */
    List<FieldError> check(JsonNode schema, JsonNode value, JsonNode oldValue) {
        List<FieldError> violations = new ArrayList<>();
        check(schema, value, oldValue, "", violations);
        return violations;
    }

    private void check(JsonNode schema, JsonNode value, JsonNode oldValue, String path, List<FieldError> violations) {
        if (schema == null || value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        JsonNode old = oldValue == null || oldValue.isNull() || oldValue.isMissingNode() ? null : oldValue;
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            String expression = rule.path("rule").asText();
            boolean transition = expression.contains("oldSelf");
            if (transition && old == null) {
                continue;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("self", toCel(value, schema));
            if (transition) {
                variables.put("oldSelf", toCel(old, schema));
            }
            String message = rule.has("message") ? rule.get("message").asText() : "failed rule: " + expression;
            try {
                Object result = program(expression).eval(variables);
                if (!Boolean.TRUE.equals(result)) {
                    violations.add(FieldError.invalid(path, value, message));
                }
            } catch (CelEvaluationException | IllegalArgumentException e) {
                // the API server rejects an object whose rule cannot be evaluated (or compiled), too
                violations.add(FieldError.invalid(path, value, message + " (rule could not be evaluated: " + e.getMessage() + ")"));
            }
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey();
                check(property.getValue(), value.get(name), old == null ? null : old.get(name),
                        path.isEmpty() ? name : path + "." + name, violations);
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject() && value.isObject()) {
            value.fields().forEachRemaining(entry -> check(additional, entry.getValue(),
                    old == null ? null : old.get(entry.getKey()), path + "[" + entry.getKey() + "]", violations));
        }
        if (schema.has("items") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), null, path + "[" + i + "]", violations);
            }
        }
    }

    /** A JSON value as CEL sees it: numbers typed by the schema, declared property names escaped. */
    static Object toCel(JsonNode value, JsonNode schema) {
        JsonNode s = schema == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : schema;
        if (value.isObject()) {
            JsonNode properties = s.get("properties");
            JsonNode additional = s.get("additionalProperties");
            Map<String, Object> map = new LinkedHashMap<>();
            value.fields().forEachRemaining(entry -> {
                if (entry.getValue().isNull()) {
                    return;
                }
                String name = entry.getKey();
                if (properties != null && properties.has(name)) {
                    map.put(escape(name), toCel(entry.getValue(), properties.get(name)));
                } else if (additional != null && additional.isObject()) {
                    map.put(name, toCel(entry.getValue(), additional));
                } else {
                    map.put(name, toCel(entry.getValue(), null));
                }
            });
            return map;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(item -> list.add(toCel(item, s.get("items"))));
            return list;
        }
        if (value.isNumber()) {
            // the API server hands a "number" field to CEL as a double even when written as 3
            if ("number".equals(s.path("type").asText()) || !value.isIntegralNumber()) {
                return value.doubleValue();
            }
            return value.longValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.asText();
    }

    static String escape(String name) {
        if (RESERVED.contains(name)) {
            return "__" + name + "__";
        }
        return name.replace("__", "__underscores__").replace(".", "__dot__").replace("-", "__dash__").replace("/", "__slash__");
    }
}
