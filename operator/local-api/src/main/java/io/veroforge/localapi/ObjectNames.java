package io.veroforge.localapi;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * kube-apiserver's {@code metadata.name} rules: a DNS-1123 label (at most 63 characters) for
 * namespaces and services, a DNS-1123 subdomain (at most 253) for everything else, with its
 * messages. Uppercase letters, {@code '}, spaces and {@code _} are refused by both.
 */
final class ObjectNames {
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern LABEL_PATTERN = Pattern.compile(LABEL);
    private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
    private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);

    private ObjectNames() {
    }

    /** The problem with {@code name} for objects of {@code kind}, if any. */
    static Optional<FieldError> problem(String kind, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(new FieldError("metadata.name", "FieldValueRequired", "Required value: name or generateName is required"));
        }
        boolean label = "Namespace".equals(kind) || "Service".equals(kind);
        TextNode value = TextNode.valueOf(name);
        if (label) {
            if (name.length() > 63) {
                return Optional.of(FieldError.invalid("metadata.name", value, "must be no more than 63 characters"));
            }
            if (!LABEL_PATTERN.matcher(name).matches()) {
                return Optional.of(FieldError.invalid("metadata.name", value, "a lowercase RFC 1123 label must consist of lower case"
                        + " alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',"
                        + "  or '123-abc', regex used for validation is '" + LABEL + "')"));
            }
            return Optional.empty();
        }
        if (name.length() > 253) {
            return Optional.of(FieldError.invalid("metadata.name", value, "must be no more than 253 characters"));
        }
        if (!SUBDOMAIN_PATTERN.matcher(name).matches()) {
            return Optional.of(FieldError.invalid("metadata.name", value, "a lowercase RFC 1123 subdomain must consist of lower case"
                    + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g."
                    + " 'example.com', regex used for validation is '" + SUBDOMAIN + "')"));
        }
        return Optional.empty();
    }
}
