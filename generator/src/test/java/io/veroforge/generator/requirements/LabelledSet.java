package io.veroforge.generator.requirements;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.model.Inflector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The labelled requirement texts of {@code requirements/labelled-set.yaml} and how a proposal scores against them. */
final class LabelledSet {

    record Item(String id, String half, String vertical, String text, List<String> expected, Map<String, List<String>> synonyms) {
        Item {
            synonyms = synonyms == null ? Map.of() : synonyms;
        }

        AppSpecInput spec() {
            return new AppSpecInput(text, vertical, null, null, List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null);
        }
    }

    record File(List<Item> items) {
    }

    /** Counts for precision (matched proposals / proposals) and recall (matched expectations / expectations). */
    record Score(int proposed, int expected, int matchedProposed, int matchedExpected, List<String> falsePositives, List<String> missed) {
        double precision() {
            return proposed == 0 ? 1 : (double) matchedProposed / proposed;
        }

        double recall() {
            return expected == 0 ? 1 : (double) matchedExpected / expected;
        }

        Score plus(Score o) {
            List<String> fp = new ArrayList<>(falsePositives);
            fp.addAll(o.falsePositives);
            List<String> miss = new ArrayList<>(missed);
            miss.addAll(o.missed);
            return new Score(proposed + o.proposed, expected + o.expected, matchedProposed + o.matchedProposed,
                    matchedExpected + o.matchedExpected, fp, miss);
        }

        static final Score ZERO = new Score(0, 0, 0, 0, List.of(), List.of());
    }

    static List<Item> load() {
        try (InputStream in = LabelledSet.class.getClassLoader().getResourceAsStream("requirements/labelled-set.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, File.class).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Normalized singular name: {@code WorkOrders}, {@code work order}, {@code work-order} → {@code workorder}. */
    static String normalize(String name) {
        List<String> words = new ArrayList<>(Inflector.words(name));
        if (words.isEmpty()) {
            return "";
        }
        words.set(words.size() - 1, Singular.of(words.get(words.size() - 1)));
        return String.join("", words).toLowerCase(Locale.ROOT);
    }

    /**
     * Each proposed name matches at most one expected entity (by its name or one of its synonyms),
     * and each expected entity is matched at most once.
     */
    static Score score(Item item, List<String> proposed) {
        Set<String> matchedExpected = new HashSet<>();
        Set<Integer> matched = new HashSet<>();
        // exact names first, then synonyms: "Cake" (a synonym of Product) must not take Product from "Product"
        for (boolean synonyms : new boolean[]{false, true}) {
            for (int i = 0; i < proposed.size(); i++) {
                if (matched.contains(i)) {
                    continue;
                }
                String n = normalize(proposed.get(i));
                for (String e : item.expected()) {
                    if (matchedExpected.contains(e)) {
                        continue;
                    }
                    Set<String> names = new HashSet<>();
                    names.add(normalize(e));
                    if (synonyms) {
                        item.synonyms().getOrDefault(e, List.of()).forEach(s -> names.add(normalize(s)));
                    }
                    if (names.contains(n)) {
                        matchedExpected.add(e);
                        matched.add(i);
                        break;
                    }
                }
            }
        }
        int matchedProposed = matched.size();
        List<String> falsePositives = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            if (!matched.contains(i)) {
                falsePositives.add(item.id() + ":" + proposed.get(i));
            }
        }
        List<String> missed = item.expected().stream().filter(e -> !matchedExpected.contains(e)).map(e -> item.id() + ":" + e).toList();
        return new Score(proposed.size(), item.expected().size(), matchedProposed, matchedExpected.size(), falsePositives, missed);
    }
}
