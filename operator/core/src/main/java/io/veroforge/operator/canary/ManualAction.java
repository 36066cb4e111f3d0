package io.veroforge.operator.canary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.veroforge.api.v1alpha1.Canary;

/**
 * A person's promote or abort, asked through annotations ({@code kubectl annotate canary x
 * veroforge.io/canary-action=promote}). Who asked is {@code veroforge.io/canary-actor} when given,
 * else the field manager that last wrote the annotations (kubectl, the console), else "unknown".
 *
 * @param value  what was written, for the message when it is neither promote nor abort
 */
record ManualAction(Kind kind, String value, String by) {
    static final String ACTION = Canary.ACTION_ANNOTATION;
    static final String ACTOR = Canary.ACTOR_ANNOTATION;

    enum Kind { PROMOTE, ABORT, INVALID }

    static Optional<ManualAction> of(Canary canary) {
        Map<String, String> annotations = canary.getMetadata().getAnnotations();
        if (annotations == null || annotations.get(ACTION) == null) {
            return Optional.empty();
        }
        String value = annotations.get(ACTION).trim();
        Kind kind = switch (value.toLowerCase(Locale.ROOT)) {
            case "promote" -> Kind.PROMOTE;
            case "abort", "rollback" -> Kind.ABORT;
            default -> Kind.INVALID;
        };
        String by = annotations.get(ACTOR);
        if (by == null || by.isBlank()) {
            by = annotationWriter(canary.getMetadata().getManagedFields());
        }
        return Optional.of(new ManualAction(kind, value, by));
    }

    /** The last manager whose managed fields include the action annotation. */
    private static String annotationWriter(List<ManagedFieldsEntry> entries) {
        if (entries == null) {
            return "unknown";
        }
        String writer = "unknown";
        for (ManagedFieldsEntry entry : entries) {
            String fields = entry.getFieldsV1() == null ? "" : String.valueOf(entry.getFieldsV1().getAdditionalProperties());
            if (entry.getManager() != null && fields.contains(ACTION)) {
                writer = entry.getManager();
            }
        }
        return writer;
    }
}
