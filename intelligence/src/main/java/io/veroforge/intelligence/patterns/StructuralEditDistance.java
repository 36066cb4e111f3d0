package io.veroforge.intelligence.patterns;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.ml.distance.DistanceMeasure;

/**
 * How different two structural edits are: the weighted count of the features they differ in. The
 * weights say what "similar" means here: an edit of another kind, to another ontology type or to
 * another file is a different edit (weight 2, beyond any sensible eps); a field of another type
 * in the same family (date/datetime, int/decimal, string/email) is a variant (0.25), of another
 * family a different need (0.75), and optional-versus-required the smallest difference (0.25). Points are {@link #encode encoded} as
 * one number per feature, so commons-math3's clusterers can use them.
 */
final class StructuralEditDistance implements DistanceMeasure {
    /** Features in encoding order; "fieldFamily" is derived from the field type. */
    static final List<String> FEATURES = List.of("edit", "ontologyType", "file", "fieldType", "fieldFamily", "optional");
    private static final double[] WEIGHTS = {2, 2, 2, 0.25, 0.5, 0.25};
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("date", "time"), Map.entry("datetime", "time"), Map.entry("time", "time"), Map.entry("timestamp", "time"),
            Map.entry("int", "number"), Map.entry("integer", "number"), Map.entry("decimal", "number"), Map.entry("money", "number"),
            Map.entry("float", "number"), Map.entry("number", "number"),
            Map.entry("string", "text"), Map.entry("text", "text"), Map.entry("email", "text"), Map.entry("url", "text"),
            Map.entry("phone", "text"));

    @Override
    public double compute(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                d += WEIGHTS[i];
            }
        }
        return d;
    }

    /** The value of a feature of an edit; the family of an unknown type is the type itself. */
    static String feature(EditVariant v, String feature) {
        if ("fieldFamily".equals(feature)) {
            String type = v.part("fieldType").toLowerCase(Locale.ROOT);
            return FAMILIES.getOrDefault(type, type);
        }
        return v.part(feature);
    }
}
