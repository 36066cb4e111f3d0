package io.veroforge.generator.samples;

import io.veroforge.generator.model.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Valid values of a text-like field (string, text, file, e-mail, URL, phone) for the generated
 * tests: within minLength/maxLength, matching the pattern, and in the format the API's validator
 * checks ({@code @IsEmail()}, {@code @IsUrl()}). Readable values first ("Sample code",
 * {@code sample@example.com}); when they do not match the pattern, strings generated from it.
 */
public final class TextSamples {

    /** What {@code @IsEmail()} accepts, narrowed to what these samples produce. */
    static final Predicate<String> EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}\\.)+[A-Za-z]{2,63}")
            .asMatchPredicate();
    /** What {@code @IsUrl({ require_tld: false })} accepts, narrowed likewise. */
    static final Predicate<String> URL = Pattern.compile("https?://[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?")
            .asMatchPredicate();

    private TextSamples() {
    }

    /** Whether {@link #samples} and {@link #other} handle values of this type. */
    public static boolean handles(FieldType type) {
        return type.textual() || type == FieldType.FILE;
    }

    /**
     * Up to {@link PatternSampler#MAX_VARIANTS} distinct valid values, the first being the one the
     * tests use; empty when the constraints cannot all be met.
     *
     * @param words the field's name in words ("license number"), for readable samples
     */
    public static List<String> samples(FieldType type, String words, Integer minLength, Integer maxLength, String pattern) {
        List<String> plain = new ArrayList<>();
        for (int k = 0; k < PatternSampler.MAX_VARIANTS; k++) {
            plain.add(readable(type, words, k, minLength, maxLength));
        }
        Predicate<String> format = format(type);
        Set<String> valid = new LinkedHashSet<>();
        for (String s : plain) {
            if (s != null && fits(s, minLength, maxLength) && format.test(s) && (pattern == null || matches(pattern, s))) {
                valid.add(s);
            }
        }
        if (pattern != null && valid.size() < PatternSampler.MAX_VARIANTS) {
            valid.addAll(PatternSampler.samples(pattern, minLength, maxLength, type.keyword(), format));
        }
        return valid.stream().limit(PatternSampler.MAX_VARIANTS).toList();
    }

    /** A valid value different from the first sample, for update tests; null when there is none. */
    public static String other(FieldType type, String words, Integer minLength, Integer maxLength, String pattern) {
        String s = readable(type, words, -1, minLength, maxLength);
        if (s != null && fits(s, minLength, maxLength) && format(type).test(s) && (pattern == null || matches(pattern, s))) {
            return s;
        }
        List<String> all = samples(type, words, minLength, maxLength, pattern);
        return all.size() > 1 ? all.get(1) : null;
    }

    private static Predicate<String> format(FieldType type) {
        return switch (type) {
            case EMAIL -> EMAIL;
            case URL -> URL;
            default -> s -> !s.isBlank();
        };
    }

    private static boolean matches(String pattern, String s) {
        try {
            return Pattern.compile(pattern).matcher(s).find();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean fits(String s, Integer min, Integer max) {
        int n = s.codePointCount(0, s.length());
        return (min == null || n >= min) && (max == null || n <= max);
    }

    /** Variant k (0, 1, 2; -1 = the update value) of the readable sample, shortened or padded to the lengths. */
    private static String readable(FieldType type, String words, int k, Integer minLength, Integer maxLength) {
        int min = minLength == null ? 0 : minLength;
        int max = maxLength == null ? Math.max(200, min) : maxLength;
        return switch (type) {
            case EMAIL -> email(k, min, max);
            case URL -> url(k, min, max);
            case PHONE -> phone(k, min, max);
            default -> text(words, k, min, max);
        };
    }

    private static String text(String words, int k, int min, int max) {
        String head = (k < 0 ? "Updated " : "Sample ") + words;
        String tail = k > 0 ? " " + (k + 1) : "";
        if (max < tail.length() + 1) { // too short for words: one distinct letter per variant
            return pad(String.valueOf((char) ((k < 0 ? 'Z' : 'A' + k))), min, 'x');
        }
        String s = (head.length() + tail.length() > max ? head.substring(0, max - tail.length()).stripTrailing() : head) + tail;
        return pad(s, min, 'x');
    }

    private static String phone(int k, int min, int max) {
        String number = "+1 555 01" + (k < 0 ? "99" : "0" + k);
        if (number.length() > max) {
            number = number.replace(" ", "").replace("+", "");
            number = number.substring(Math.max(0, number.length() - max));
        }
        return pad(number, min, '0');
    }

    private static String email(int k, int min, int max) {
        String local = k < 0 ? "other" : k == 0 ? "sample" : "sample" + (k + 1);
        String domain = "example.com";
        if (local.length() + 1 + domain.length() > max) {
            local = k < 0 ? "o" : k == 0 ? "s" : "s" + (k + 1);
            domain = "ex.io";
        }
        StringBuilder l = new StringBuilder(local);
        while (l.length() < 64 && l.length() + 1 + domain.length() < min) {
            l.append('x');
        }
        StringBuilder d = new StringBuilder(domain);
        while (l.length() + 1 + d.length() < min) {
            int label = Math.min(63, min - l.length() - 1 - d.length() - 1);
            d.insert(0, "x".repeat(Math.max(1, label)) + ".");
        }
        return l + "@" + d;
    }

    private static String url(int k, int min, int max) {
        String path = k < 0 ? "other" : k == 0 ? "sample" : "sample-" + (k + 1);
        String base = "https://example.com/";
        if (base.length() + path.length() > max) {
            base = "http://ex.io/";
            path = k < 0 ? "o" : k == 0 ? "s" : String.valueOf(k + 1);
        }
        return pad(base + path, min, 'x');
    }

    private static String pad(String s, int min, char with) {
        StringBuilder out = new StringBuilder(s);
        while (out.length() < min) {
            out.append(with);
        }
        return out.toString();
    }
}
