package io.veroforge.localapi;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code fieldSelector} ({@code involvedObject.name=acme,involvedObject.kind==Tenant,type!=Normal}),
 * applied to lists and watches. The mock store ignores field selectors other than
 * {@code metadata.name}, so {@code kubectl describe} found every event or none; here any dotted
 * path of the object can be selected on (kube-apiserver allows a fixed set per kind, all of which
 * are dotted paths: {@code involvedObject.*}, {@code regarding.*}, {@code reason}, {@code type}).
 * A missing field compares as the empty string, as the API server's field sets do.
 */
record FieldSelector(List<Term> terms) {

    record Term(String path, String value, boolean equal) {

        boolean matches(JsonNode object) {
            JsonNode node = object;
            for (String segment : path.split("\\.")) {
                node = node.path(segment);
            }
            String actual = node.isValueNode() ? node.asText() : "";
            return actual.equals(value) == equal;
        }
    }

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    static FieldSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String term : selector.split(",")) {
            int notEqual = term.indexOf("!=");
            if (notEqual > 0) {
                terms.add(new Term(term.substring(0, notEqual).trim(), term.substring(notEqual + 2).trim(), false));
                continue;
            }
            String[] kv = term.split("==?", 2);
            if (kv.length == 2) {
                terms.add(new Term(kv[0].trim(), kv[1].trim(), true));
            }
        }
        return new FieldSelector(List.copyOf(terms));
    }

    boolean matches(JsonNode object) {
        return terms.stream().allMatch(t -> t.matches(object));
    }

    /** The object's name and namespace are compared as stored; only other paths parse its JSON. */
    boolean matches(StoredObject object, com.fasterxml.jackson.databind.ObjectMapper json) {
        JsonNode parsed = null;
        for (Term term : terms) {
            String known = switch (term.path()) {
                case "metadata.name" -> object.name();
                case "metadata.namespace" -> object.namespace();
                default -> null;
            };
            if (known != null) {
                if (known.equals(term.value()) != term.equal()) {
                    return false;
                }
                continue;
            }
            if (parsed == null) {
                parsed = HttpWatchStreams.read(json, object.json());
            }
            if (!term.matches(parsed)) {
                return false;
            }
        }
        return true;
    }

    boolean selectsAll() {
        return terms.isEmpty();
    }
}
