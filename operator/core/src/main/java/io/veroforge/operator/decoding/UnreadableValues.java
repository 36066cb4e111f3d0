package io.veroforge.operator.decoding;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Inside a VeroForge object, turns a value Jackson cannot read into {@code null} (an unknown enum
 * value, a number out of an enum's range, an object where a scalar belongs, a scalar where an
 * object belongs) and skips unknown properties, as kube-apiserver prunes them; each is reported to
 * {@link UndecodableObjects} with its field path. Everything else (built-in kinds, a value outside
 * any object) fails as Jackson would.
 */
final class UnreadableValues extends DeserializationProblemHandler {
    private static final String MODEL_PACKAGE = "io.veroforge.api.";

    private final UndecodableObjects undecodable;

    UnreadableValues(UndecodableObjects undecodable) {
        this.undecodable = undecodable;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
            String failureMsg) {
        return skipped(ctxt.getParser(), "\"" + value + "\" is not " + describe(targetType));
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
            String failureMsg) {
        return skipped(ctxt.getParser(), value + " is not " + describe(targetType));
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
            JsonParser p, String failureMsg) throws IOException {
        return skippedValue(p, token + " is not " + describe(targetType.getRawClass()));
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
            ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
        return skippedValue(p, p.currentToken() + " is not " + describe(instClass));
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        if (owner(p.getParsingContext()) == null) {
            return false;
        }
        p.skipChildren();
        skipped(p, "unknown field");
        return true;
    }

    /** Skips the whole value the parser is at (an object or list included) if it is ours to skip. */
    private Object skippedValue(JsonParser p, String problem) throws IOException {
        if (owner(p.getParsingContext()) == null) {
            return NOT_HANDLED;
        }
        p.skipChildren();
        return skipped(p, problem);
    }

    private Object skipped(JsonParser p, String problem) {
        JsonStreamContext context = p.getParsingContext();
        JsonStreamContext ownerContext = owner(context);
        if (ownerContext == null) {
            return NOT_HANDLED;
        }
        HasMetadata object = (HasMetadata) ownerContext.getCurrentValue();
        String kind = object.getKind() != null ? object.getKind() : object.getClass().getSimpleName();
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        String namespace = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        undecodable.report(kind, namespace, name, path(context, ownerContext), problem);
        return null;
    }

    /** The innermost enclosing VeroForge object being read, or null when there is none. */
    private static JsonStreamContext owner(JsonStreamContext context) {
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.getCurrentValue() instanceof HasMetadata object
                    && object.getClass().getName().startsWith(MODEL_PACKAGE)) {
                return c;
            }
        }
        return null;
    }

    /** {@code spec.owners[0].kind}: the field names and list indexes from the object down. */
    static String path(JsonStreamContext context, JsonStreamContext ownerContext) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && c != ownerContext.getParent(); c = c.getParent()) {
            if (c.inArray() && c.getCurrentIndex() >= 0) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                segments.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }
}
