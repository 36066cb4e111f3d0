package io.veroforge.generator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.model.ActionType;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Keyword;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.RelationKind;
import io.veroforge.generator.model.TriggerType;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's fast properties, without installing anything: the same seed gives the same bytes (spec
 * and generated app), every spec is either refused with a path and a fix for each error or synthesizes,
 * and over a few hundred seeds the specs use every field type, relation kind, trigger and action.
 */
class SpecFuzzerTest {

    private static final int SEEDS = 300;
    private final SpecFuzzer fuzzer = new SpecFuzzer();
    private final AppModelResolver resolver = new AppModelResolver();
    private final SpecAnalyzer analyzer = new SpecAnalyzer();
    private final Synthesizer synthesizer = new Synthesizer();

    private Resolution resolve(String yaml) {
        return resolver.resolve(analyzer.analyze(yaml, "fuzz.yaml"));
    }

    @Test
    void sameSeedGivesByteIdenticalSpecAndGeneratedApp() {
        for (long seed : new long[] {1, 7, 42, 1234}) {
            String first = new SpecFuzzer().specYaml(seed, FuzzFeature.all());
            String second = new SpecFuzzer().specYaml(seed, FuzzFeature.all());
            assertThat(second).as("spec of seed %d", seed).isEqualTo(first);
            Resolution a = resolve(first);
            Resolution b = resolve(second);
            assertThat(b.problems()).isEqualTo(a.problems());
            if (a.valid()) {
                GeneratedRepository repoA = synthesizer.synthesize(a.model());
                GeneratedRepository repoB = new Synthesizer().synthesize(b.model());
                assertThat(repoB.files()).as("generated files of seed %d", seed).isEqualTo(repoA.files());
            }
        }
        assertThat(fuzzer.specYaml(1, FuzzFeature.all())).isNotEqualTo(fuzzer.specYaml(2, FuzzFeature.all()));
        assertThat(fuzzer.specYaml(1, FuzzFeature.all())).isNotEqualTo(fuzzer.specYaml(1, FuzzFeature.parse("all,-WORKFLOWS,-PATTERNS")));
    }

    @Test
    void everySpecIsRefusedWithPathAndFixOrSynthesizes() {
        for (Set<FuzzFeature> features : java.util.List.of(FuzzFeature.all(), FuzzFeature.parse("all,-HIPAA,-PCI"))) {
            int accepted = 0;
            for (long seed = 1; seed <= SEEDS; seed++) {
                String yaml = fuzzer.specYaml(seed, features);
                Resolution resolution = resolve(yaml);
                if (!resolution.valid()) {
                    for (Problem error : resolution.errors()) {
                        assertThat(error.path()).as("seed %d: %s", seed, error).isNotBlank();
                        assertThat(error.fix()).as("seed %d: %s", seed, error).isNotBlank();
                        assertThat(error.message()).as("seed %d: %s", seed, error).isNotBlank();
                    }
                    continue;
                }
                accepted++;
                GeneratedRepository repo = synthesizer.synthesize(resolution.model());
                assertThat(repo.files()).as("seed %d", seed).containsKeys("api/package.json", "ui/package.json", "mobile/package.json");
            }
            // a fuzzer whose specs are all refused proves nothing about generated apps
            assertThat(accepted).as("accepted specs of %d with %s", SEEDS, features).isGreaterThan(SEEDS / 2);
        }
    }

    @Test
    void sparseEntitiesNoOntologyKnowsAreAcceptedWithARequiredName() {
        int accepted = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            String yaml = fuzzer.specYaml(seed, FuzzFeature.all());
            AppSpecInput spec = analyzer.analyze(yaml, "fuzz.yaml").spec();
            java.util.List<String> lockers = spec.entities().stream().filter(e -> e.fields().isEmpty() && e.name().endsWith("Locker"))
                    .map(e -> e.name()).toList();
            if (lockers.isEmpty()) {
                continue;
            }
            Resolution resolution = resolve(yaml);
            int index = spec.entities().stream().map(e -> e.name()).toList().indexOf(lockers.get(0));
            // never the reason a spec is refused: such an entity is always made to work
            assertThat(resolution.errors()).as("seed %d", seed).noneMatch(p -> p.path().startsWith("entities[" + index + "]"));
            if (resolution.valid()) {
                accepted++;
                assertThat(resolution.model().entity(lockers.get(0))).as("seed %d", seed).hasValueSatisfying(e ->
                        assertThat(e.fields()).extracting(f -> f.name() + (f.required() ? "!" : "")).containsExactly("name!"));
            }
        }
        assertThat(accepted).as("accepted specs with an unmatched sparse entity").isGreaterThan(SEEDS / 10);
    }

    @Test
    void specsUseEveryFieldTypeRelationKindTriggerAndAction() {
        Set<String> seen = new TreeSet<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            String yaml = fuzzer.specYaml(seed, FuzzFeature.all());
            // read from the text: the analyzer maps snake_case names to the stack's case
            if (java.util.regex.Pattern.compile("name: [a-z0-9]+_[a-z0-9_]+").matcher(yaml).find()) {
                seen.add("snake_case");
            }
            AppSpecInput spec = analyzer.analyze(yaml, "fuzz.yaml").spec();
            spec.entities().forEach(e -> {
                if (e.fields().isEmpty() && e.name().endsWith("Locker")) {
                    seen.add("unmatched-sparse");
                }
                e.fields().forEach(f -> {
                    seen.add("type:" + f.type());
                    f.markers().forEach(m -> seen.add("marker:" + m));
                    if (f.pattern() != null) {
                        seen.add("pattern");
                    }
                    if (f.min() != null || f.max() != null) {
                        seen.add("range");
                    }
                    if (f.minLength() != null) {
                        seen.add("length");
                    }
                    if (Boolean.TRUE.equals(f.unique())) {
                        seen.add("unique");
                    }
                });
                e.relations().forEach(r -> {
                    seen.add("relation:" + r.kind());
                    if (r.target().equals(e.name())) {
                        seen.add("self-relation");
                    }
                });
            });
            spec.roles().forEach(r -> r.permissions().forEach(p -> {
                if (Boolean.TRUE.equals(p.ownRowsOnly())) {
                    seen.add("ownRowsOnly");
                }
                if (p.allEntities()) {
                    seen.add("allEntities");
                }
            }));
            spec.workflows().forEach(w -> {
                seen.add("trigger:" + w.trigger().type());
                w.actions().forEach(a -> seen.add("action:" + a.type()));
            });
            if (spec.compliance() != null) {
                if (spec.compliance().hipaa() != null) {
                    seen.add("hipaa");
                }
                if (spec.compliance().pci() != null) {
                    seen.add("pci");
                }
                if (spec.compliance().gdpr() != null) {
                    seen.add("gdpr");
                }
            }
            if (spec.vertical() != null) {
                seen.add("vertical");
            }
        }
        Set<String> expected = new TreeSet<>(Set.of("pattern", "range", "length", "unique", "snake_case", "self-relation", "ownRowsOnly",
                "allEntities", "hipaa", "pci", "gdpr", "vertical", "unmatched-sparse", "marker:pii", "marker:phi", "marker:cardData", "marker:searchable"));
        Keyword.keywords(FieldType.class).forEach(k -> expected.add("type:" + k));
        Keyword.keywords(RelationKind.class).forEach(k -> expected.add("relation:" + k));
        Keyword.keywords(TriggerType.class).forEach(k -> expected.add("trigger:" + k));
        Keyword.keywords(ActionType.class).forEach(k -> expected.add("action:" + k));
        assertThat(seen).containsAll(expected);
    }
}
