package io.veroforge.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Case and number conversions for generated names (tables, routes, variables). English only,
 * with the irregular nouns business models actually use; the plural is applied to the last word
 * of a compound name ({@code ServiceCategory → ServiceCategories}).
 */
public final class Inflector {

    private static final Map<String, String> IRREGULAR = Map.of(
            "person", "people", "child", "children", "man", "men", "woman", "women",
            "foot", "feet", "tooth", "teeth", "mouse", "mice", "criterion", "criteria");
    private static final Set<String> UNCOUNTABLE = Set.of(
            "staff", "equipment", "information", "data", "series", "species", "inventory", "feedback", "news", "software");
    private static final Set<String> F_TO_VES = Set.of("life", "wife", "knife", "leaf", "shelf", "half", "wolf", "thief");

    private Inflector() {
    }

    /** Splits {@code fullName}, {@code full_name}, {@code Full-Name}, {@code HTTPRequest} into lower-case words. */
    public static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '_' || c == '-' || c == ' ' || c == '.') {
                flush(words, current);
                continue;
            }
            boolean boundary = Character.isUpperCase(c) && current.length() > 0
                    && (Character.isLowerCase(chars[i - 1]) || Character.isDigit(chars[i - 1])
                    || (i + 1 < chars.length && Character.isLowerCase(chars[i + 1]) && Character.isUpperCase(chars[i - 1])));
            if (boundary) {
                flush(words, current);
            }
            current.append(Character.toLowerCase(c));
        }
        flush(words, current);
        return words;
    }

    private static void flush(List<String> words, StringBuilder current) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    public static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String w : words(name)) {
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.toString();
    }

    public static String camel(String name) {
        String pascal = pascal(name);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    public static String snake(String name) {
        return String.join("_", words(name));
    }

    public static String kebab(String name) {
        return String.join("-", words(name));
    }

    /** Plural of a name in any case style, keeping the style of the input's words (returned in snake words). */
    public static String pluralWords(String name) {
        List<String> words = new ArrayList<>(words(name));
        if (words.isEmpty()) {
            return "";
        }
        int last = words.size() - 1;
        words.set(last, pluralOfWord(words.get(last)));
        return String.join("_", words);
    }

    public static String pluralPascal(String name) {
        return pascal(pluralWords(name));
    }

    public static String pluralCamel(String name) {
        return camel(pluralWords(name));
    }

    static String pluralOfWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (UNCOUNTABLE.contains(lower)) {
            return lower;
        }
        if (IRREGULAR.containsKey(lower)) {
            return IRREGULAR.get(lower);
        }
        if (F_TO_VES.contains(lower)) {
            return lower.endsWith("fe") ? lower.substring(0, lower.length() - 2) + "ves" : lower.substring(0, lower.length() - 1) + "ves";
        }
        if (lower.endsWith("is") && lower.length() > 3) {
            return lower.substring(0, lower.length() - 2) + "es"; // diagnosis → diagnoses
        }
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return lower + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }
}
