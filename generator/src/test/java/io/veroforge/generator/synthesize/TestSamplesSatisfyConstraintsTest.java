package io.veroforge.generator.synthesize;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveResource;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.resolve.Resolution;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, class 1: the generated tests create rows from {@code SAMPLES}, so every sample must
 * satisfy every constraint of its field (pattern, range, lengths, enum, e-mail/URL format), unique
 * fields must differ between the rows one test creates, and parents come before children. What
 * cannot be sampled is refused by validate, with the path and a fix.
 */
class TestSamplesSatisfyConstraintsTest {

    private static AppView app(ResolvedModel model) {
        return new AppView(model, Pack.nestjsPrismaReact(), GapBodyProvider.filledBy(new TemplateOnlyGapFiller()));
    }

    private static ResolvedModel valid(Resolution r) {
        assertThat(r.errors()).as("errors").isEmpty();
        return r.model();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"parts-depot.yaml", "pest-control-explicit.yaml", "pest-control-sparse.yaml", "clinic.yaml",
            "retail-store.yaml", "shop-pci.yaml"})
    void everySampleSatisfiesItsFieldsConstraints(String spec) {
        AppView app = app(valid(resolveResource(spec)));
        int checked = 0;
        for (EntityView e : app.entities()) {
            for (FieldView f : e.fields()) {
                if (f.tokenized()) {
                    assertThat(f.samples().value()).startsWith("'tok_");
                    continue;
                }
                assertThat(f.samples().included()).as("%s is filled by the samples", f).isTrue();
                for (String literal : f.samples().rowLiterals()) {
                    assertSatisfies(f.field(), literal);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void aPatternedCodeGetsAMatchingSampleNotSampleCode() {
        AppView app = app(valid(resolveResource("parts-depot.yaml")));
        FieldView code = field(app, "Supplier", "supplierCode");
        assertThat(unquote(code.samples().value())).matches("[A-Z]{2}-[0-9]{4}").isNotEqualTo("Sample supplier code");
        FieldView vat = field(app, "Supplier", "vatId");
        assertThat(unquote(vat.samples().value())).matches("(DE|FR)[0-9]{9}");
        assertThat(field(app, "Supplier", "discount").samples().value()).isEqualTo("'0.25'"); // no whole number in [0.25, 0.75]
        assertThat(field(app, "Supplier", "rating").samples().value()).isEqualTo("10");
    }

    @Test
    void uniqueFieldsDifferBetweenTheRowsOneTestCreates() {
        AppView app = app(valid(resolveResource("parts-depot.yaml")));
        EntityView supplier = app.entities().stream().filter(e -> e.name().equals("Supplier")).findFirst().orElseThrow();
        for (FieldView f : supplier.fields()) {
            if (f.unique()) {
                List<String> rows = f.samples().rowLiterals();
                assertThat(rows).as("%s rows", f).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
            }
        }
        assertThat(supplier.distinctRows()).isGreaterThanOrEqualTo(2);
        // no required parents: the ids parameter is unused, so it is underscored for the lint rule
        assertThat(supplier.sampleParameters()).isEqualTo("(_ids, n = 0)");
        assertThat(supplier.sampleLiteral()).contains("[n]");
        // the self-relation gets a test that creates a second supplier pointing at the first
        assertThat(supplier.selfRelation()).isNotNull();
        assertThat(supplier.selfRelation().fkProperty()).isEqualTo("parentSupplierId");
    }

    @Test
    void requiredParentsAreCreatedFirstAlongAChain() {
        AppView app = app(valid(resolveResource("parts-depot.yaml")));
        List<String> order = app.testOrder().stream().map(EntityView::name).toList();
        assertThat(order.indexOf("Supplier")).isLessThan(order.indexOf("PartOrder"));
        assertThat(order.indexOf("PartOrder")).isLessThan(order.indexOf("Shipment"));
        EntityView shipment = app.testOrder().stream().filter(e -> e.name().equals("Shipment")).findFirst().orElseThrow();
        assertThat(shipment.sampleLiteral()).contains("partOrderId: ids['PartOrder']");
    }

    @Test
    void constraintsThatCannotBeSampledAreRefusedWithPathAndFix() {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: Part
                    fields:
                      - {name: code, type: string, pattern: "^[A-Z]{5}$", maxLength: 3}
                      - {name: contact, type: email, maxLength: 5}
                      - {name: site, type: url, maxLength: 8}
                      - {name: mail, type: email, pattern: "^[0-9]+$"}
                      - {name: never, type: string, pattern: "^(?=x)y$"}
                """));
        assertThat(r.errors()).extracting(Problem::path).contains("entities[0].fields[0].pattern", "entities[0].fields[1].maxLength",
                "entities[0].fields[2].maxLength", "entities[0].fields[3].pattern", "entities[0].fields[4].pattern");
        assertThat(r.errors()).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"(?i)^abc$", "^a*+$", "^(?>ab)c$", "^\\\\p{L}+$", "^[a-z&&[^e]]+$", "^[a[bc]]$", "\\\\Aabc\\\\z"})
    void patternsThatAreNotJavaScriptRegexesAreRefused(String pattern) {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: Part
                    fields:
                      - {name: code, type: string, pattern: "%s"}
                """.formatted(pattern)));
        assertThat(r.errors()).extracting(Problem::path).containsExactly("entities[0].fields[0].pattern");
        assertThat(r.errors().get(0).message()).contains("JavaScript");
    }

    @Test
    void patternsJavaScriptUnderstandsAreAccepted() {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: Part
                    fields:
                      - {name: code, type: string, required: true, pattern: "^(?<area>[A-Z]{2})-\\\\d{3}(?:-[a-z]+)?$"}
                      - {name: sku, type: string, required: true, pattern: "^[^\\\\s]{4,6}$"}
                """));
        assertThat(r.errors()).isEmpty();
    }

    private static FieldView field(AppView app, String entity, String property) {
        return app.entities().stream().filter(e -> e.name().equals(entity)).flatMap(e -> e.fields().stream())
                .filter(f -> f.property().equals(property)).findFirst().orElseThrow();
    }

    private static void assertSatisfies(Field field, String literal) {
        FieldType type = field.type();
        String what = field.entity() + "." + field.name() + " = " + literal;
        switch (type) {
            case INTEGER, DECIMAL, MONEY -> {
                BigDecimal v = new BigDecimal(unquote(literal));
                if (field.min() != null) {
                    assertThat(v).as(what).isGreaterThanOrEqualTo(field.min());
                }
                if (field.max() != null) {
                    assertThat(v).as(what).isLessThanOrEqualTo(field.max());
                }
                if (type == FieldType.INTEGER) {
                    assertThat(v.stripTrailingZeros().scale()).as(what).isLessThanOrEqualTo(0);
                }
            }
            case ENUM -> assertThat(field.values()).as(what).contains(unquote(literal));
            case STRING, TEXT, EMAIL, URL, PHONE, FILE -> {
                String v = unquote(literal);
                if (field.minLength() != null) {
                    assertThat(v.length()).as(what).isGreaterThanOrEqualTo(field.minLength());
                }
                if (field.maxLength() != null) {
                    assertThat(v.length()).as(what).isLessThanOrEqualTo(field.maxLength());
                }
                if (field.pattern() != null) {
                    assertThat(Pattern.compile(field.pattern()).matcher(v).find()).as(what + " matches " + field.pattern()).isTrue();
                }
                if (type == FieldType.EMAIL) {
                    assertThat(v).as(what).matches("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
                }
                if (type == FieldType.URL) {
                    assertThat(v).as(what).matches("https?://[^\\s/]+(/\\S*)?");
                }
            }
            default -> assertThat(literal).as(what).isNotBlank();
        }
    }

    /** The value of a single-quoted TypeScript literal (or the literal itself for numbers). */
    private static String unquote(String literal) {
        if (!literal.startsWith("'")) {
            return literal;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                c = literal.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

}
