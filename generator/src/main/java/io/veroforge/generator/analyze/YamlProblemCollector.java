package io.veroforge.generator.analyze;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.Severity;
import io.veroforge.generator.validate.DidYouMean;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Lets Jackson keep binding after an unknown key or a value of the wrong type, recording each as
 * a problem with its path and line, so a user sees every mistake of a file at once.
 */
final class YamlProblemCollector extends DeserializationProblemHandler {

    private final List<Problem> problems = new ArrayList<>();
    private final String stripPrefix;

    /** @param stripPrefix a path prefix to leave out ("spec." for manifests, so paths read {@code entities[0]…}) */
    YamlProblemCollector(String stripPrefix) {
        this.stripPrefix = stripPrefix;
    }

    List<Problem> problems() {
        return problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        Collection<Object> known = deserializer.getKnownPropertyNames();
        List<String> names = known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
        String fix = DidYouMean.closest(propertyName, names).map(s -> "did you mean \"" + s + "\"?")
                .orElse(names.isEmpty() ? "remove it" : "remove it; known keys here: " + String.join(", ", names));
        JsonParser main = ctxt.getParser();
        if (p != main && main.currentToken() == JsonToken.END_OBJECT) {
            // a record buffers its properties; the main parser has just closed the object the key was in
            String objectPath = path(main.getParsingContext());
            add(objectPath.isEmpty() ? propertyName : objectPath + "." + propertyName, "unknown key \"" + propertyName + "\"", fix, 0);
        } else {
            record(p, "unknown key \"" + propertyName + "\"", fix);
        }
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) {
        record(ctxt.getParser(), "\"" + valueToConvert + "\" is not " + describe(targetType), "use " + example(targetType));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        record(ctxt.getParser(), valueToConvert + " is not " + describe(targetType), "use " + example(targetType));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        String found = switch (t) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> String.valueOf(t);
        };
        record(p, "expected " + describe(targetType.getRawClass()) + " but found " + found, "use " + example(targetType.getRawClass()));
        p.skipChildren();
        return null;
    }

    private void record(JsonParser p, String message, String fix) {
        int line = p.currentTokenLocation().getLineNr();
        JsonStreamContext context = p.getParsingContext();
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            context = context.getParent(); // the value opened its own context; the key belongs to the parent
        }
        add(path(context), message, fix, line);
    }

    private void add(String path, String message, String fix, int line) {
        if (path.startsWith(stripPrefix)) {
            path = path.substring(stripPrefix.length());
        }
        problems.add(new Problem(Severity.ERROR, path.isEmpty() ? "(document)" : path, message, fix, Math.max(line, 0)));
    }

    static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        String name = context.getCurrentName();
        if (name == null) {
            return parent;
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }

    private static String example(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number such as 10";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number such as 10 or 2.5";
        }
        if (type == String.class) {
            return "a quoted string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list (- item, or [a, b])";
        }
        return "a mapping (key: value)";
    }
}
