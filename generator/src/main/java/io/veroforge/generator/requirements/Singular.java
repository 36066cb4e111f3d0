package io.veroforge.generator.requirements;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** English singular of a noun, enough for requirement prose (the reverse of the model's {@code Inflector} plural). */
final class Singular {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("people", "person"), Map.entry("children", "child"),
            Map.entry("men", "man"), Map.entry("women", "woman"), Map.entry("teeth", "tooth"), Map.entry("feet", "foot"),
            Map.entry("mice", "mouse"), Map.entry("criteria", "criterion"), Map.entry("lives", "life"), Map.entry("knives", "knife"),
            Map.entry("shelves", "shelf"), Map.entry("halves", "half"), Map.entry("wolves", "wolf"), Map.entry("leaves", "leaf"),
            Map.entry("thieves", "thief"), Map.entry("wives", "wife"), Map.entry("analyses", "analysis"),
            Map.entry("diagnoses", "diagnosis"), Map.entry("indices", "index"), Map.entry("matrices", "matrix"));
    private static final Set<String> UNCHANGED = Set.of("staff", "equipment", "information", "data", "series", "species", "news",
            "software", "feedback", "inventory", "labour", "labor", "attendance", "produce", "furniture", "luggage", "baggage",
            "status", "campus", "bus", "plus", "gas", "lens", "bonus", "census", "virus", "focus", "canvas", "alias", "atlas",
            "analysis", "diagnosis", "basis", "thesis", "crisis", "business", "address", "class", "pass", "glass", "mass",
            "access", "process", "progress", "success", "loss", "boss", "dress", "kiss", "moss", "chess", "fitness", "wellness",
            "physics", "mathematics", "economics", "logistics", "analytics", "electronics", "gymnastics", "aerobics", "ethics",
            "sales", "premises", "means", "goods", "clothes", "police", "cattle", "sheep", "fish", "deer", "aircraft", "vas");

    private Singular() {
    }

    static String of(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (UNCHANGED.contains(w) || w.length() < 3) {
            return w;
        }
        if (IRREGULAR.containsKey(w)) {
            return IRREGULAR.get(w);
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("zes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("'s")) {
            return w;
        }
        if (w.endsWith("s")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static boolean plural(String word) {
        return !of(word).equals(word.toLowerCase(Locale.ROOT));
    }
}
