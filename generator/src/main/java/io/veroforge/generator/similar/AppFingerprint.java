package io.veroforge.generator.similar;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.ResolvedModel;

/**
 * The text an app is compared by: what its users asked for (the requirements) and what it holds
 * (entities with their fields and relations, in words: {@code ServiceJob} reads "service job"),
 * so two apps are near when they serve a similar business, whatever their names. Platform columns
 * and the app's own name are left out: they say nothing about the business, and a name would make
 * every app called "demo" alike.
 */
public final class AppFingerprint {
    /** The sentence model reads a few hundred word pieces; a longer text only dilutes the summary. */
    static final int MAX_CHARS = 4_000;

    private AppFingerprint() {
    }

    public static String text(ResolvedModel model) {
        StringBuilder text = new StringBuilder();
        if (model.requirements() != null && !model.requirements().isBlank()) {
            text.append(model.requirements().strip()).append(' ');
        }
        if (model.vertical() != null && !model.vertical().isBlank()) {
            text.append("A ").append(words(model.vertical())).append(" app. ");
        }
        text.append("It keeps ").append(model.entities().stream().map(AppFingerprint::entity).collect(Collectors.joining("; "))).append('.');
        return text.length() <= MAX_CHARS ? text.toString() : text.substring(0, MAX_CHARS);
    }

    private static String entity(Entity e) {
        String fields = e.fields().stream().map(Field::name).map(AppFingerprint::words).collect(Collectors.joining(", "));
        List<String> related = e.relations().stream().map(Relation::target).map(AppFingerprint::words).distinct().toList();
        return words(e.name()) + (fields.isEmpty() ? "" : " (" + fields + ")") + (related.isEmpty() ? "" : " with " + String.join(", ", related));
    }

    /** {@code ServiceJob}, {@code service_job}, {@code service-job} → "service job". */
    static String words(String identifier) {
        return identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-]+", " ").toLowerCase(Locale.ROOT).strip();
    }
}
