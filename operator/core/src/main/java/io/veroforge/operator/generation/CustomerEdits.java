package io.veroforge.operator.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.operator.telemetry.TelemetryEvent;

/**
 * The three-way merge's drift as telemetry: which kinds of files customers change, never what they
 * wrote. A customized generated file is named by its template path, every entity name the customer
 * chose replaced by {@code {entity}}; a file the customer added is named only by the directory it
 * was added to (its own name is the customer's), likewise anonymized.
 */
final class CustomerEdits {
    private CustomerEdits() {
    }

    static List<TelemetryEvent.Edit> of(List<String> drift, Set<String> generatedPaths, List<Entity> entities) {
        List<String> names = new ArrayList<>();
        for (Entity e : entities) {
            EntityNames n = e.names();
            for (String name : new String[] {n.pluralKebab(), n.pluralCamel(), n.pluralPascal(), n.table(), n.kebab(), n.camel(), n.pascal(), e.name()}) {
                if (name != null && !name.isBlank()) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        // longest first, so "gym-members" is replaced before "gym-member" leaves a stray "s"
        names.sort(Comparator.comparingInt(String::length).reversed());
        Set<TelemetryEvent.Edit> edits = new LinkedHashSet<>();
        for (String path : drift) {
            if (generatedPaths.contains(path)) {
                edits.add(new TelemetryEvent.Edit("changed_template_file", null, null, null, cut(anonymized(path, names))));
            } else {
                int slash = path.lastIndexOf('/');
                String dir = slash < 0 ? "" : anonymized(path.substring(0, slash), names);
                edits.add(new TelemetryEvent.Edit("added_file", null, null, null, cut(dir.isEmpty() ? "*" : dir + "/*")));
            }
        }
        return List.copyOf(edits);
    }

    private static String anonymized(String path, List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            String s = segment;
            String lower = s.toLowerCase(Locale.ROOT);
            for (String name : names) {
                int i;
                while ((i = lower.indexOf(name)) >= 0) {
                    s = s.substring(0, i) + "{entity}" + s.substring(i + name.length());
                    lower = s.toLowerCase(Locale.ROOT);
                }
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(s);
        }
        return out.toString();
    }

    /** The contract allows 300 characters. */
    private static String cut(String file) {
        return file.length() <= 300 ? file : file.substring(0, 300);
    }
}
