package io.veroforge.generator.synthesize;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveResource;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.CardDataNames;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.Marker;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.resolve.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, class 3: a field for card numbers, PANs or security codes — by name in any case style,
 * by description or by marker — is never a raw column in any generated schema; an explicit field
 * that replaces an ontology field keeps the ontology's markers.
 */
class CardDataNeverStoredRawTest {

    private static final List<String> CARD_NAMES = List.of("cardNumber", "card_number", "CARD_NUMBER", "CardNumber", "creditCard",
            "credit_card", "CreditCardNo", "creditCardNumber", "debitCard", "paymentCardNumber", "ccNumber", "pan", "PAN", "cvv", "cvc",
            "cvv2", "card", "cardNo", "card_num");

    /** Column definitions of every CREATE TABLE in the migrations, and the fields of every Prisma model. */
    private static List<String> storedNames(Map<String, String> files) {
        List<String> names = new ArrayList<>();
        Pattern sqlColumn = Pattern.compile("(?m)^\\s+\"?([a-z_][a-z0-9_]*)\"?\\s+(text|varchar|integer|bigint|numeric|bytea|char|uuid|jsonb)");
        Pattern prismaField = Pattern.compile("(?m)^\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+(String|Int|BigInt|Decimal|Bytes|Json)\\??\\b");
        files.forEach((path, content) -> {
            Matcher m = path.startsWith("db/") && path.endsWith(".sql") ? sqlColumn.matcher(content)
                    : path.endsWith("schema.prisma") ? prismaField.matcher(content) : null;
            while (m != null && m.find()) {
                names.add(path + ": " + m.group(1));
            }
        });
        return names;
    }

    private static void assertNoRawCardColumn(Map<String, String> files) {
        List<String> stored = storedNames(files);
        assertThat(stored).as("columns and Prisma fields found").isNotEmpty();
        assertThat(stored).filteredOn(s -> CardDataNames.nameSaysCardData(s.substring(s.indexOf(": ") + 2)))
                .as("raw card data columns").isEmpty();
        assertThat(stored).anyMatch(s -> s.endsWith("_token") || s.endsWith("Token"));
    }

    @ParameterizedTest(name = "compliance [{index}]")
    @ValueSource(strings = {"", "compliance: {pci: true}\n"})
    void noNameVariantEverBecomesARawColumn(String compliance) {
        for (String name : CARD_NAMES) {
            Resolution r = resolveYaml(manifest(compliance + """
                    entities:
                      - name: Charge
                        fields:
                          - {name: amount, type: money, required: true}
                          - {name: %s, type: string}
                    """.formatted(name)));
            assertThat(r.errors()).as(name).isEmpty();
            Field card = r.model().entities().get(0).fields().stream().filter(f -> !f.name().equals("amount")).findFirst().orElseThrow();
            assertThat(card.storage()).as(name).isEqualTo(FieldStorage.TOKENIZED);
            assertNoRawCardColumn(new Synthesizer().synthesize(r.model()).files());
        }
    }

    @Test
    void aDescriptionSayingCardNumberIsEnough() {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: Charge
                    fields:
                      - {name: number, type: string, description: "the customer's credit card number"}
                """));
        assertThat(r.errors()).isEmpty();
        assertThat(r.model().entities().get(0).fields().get(0).storage()).isEqualTo(FieldStorage.TOKENIZED);
        assertNoRawCardColumn(new Synthesizer().synthesize(r.model()).files());
    }

    @Test
    void pciOffWithACardNamedFieldIsRefusedWithTheFix() {
        Resolution r = resolveYaml(manifest("""
                compliance: {pci: false}
                entities:
                  - name: Charge
                    fields:
                      - {name: card_number, type: string}
                      - {name: cvv, type: integer}
                """));
        assertThat(r.errors()).extracting(Problem::path).contains("entities[0].fields[0].markers", "entities[0].fields[1].type");
        assertThat(r.errors()).anySatisfy(p -> assertThat(p.fix()).contains("tokenized reference"));
    }

    @Test
    void notEveryCardWordIsCardData() {
        for (String name : List.of("cardType", "giftCardBalance", "cardholderName", "cardToken", "panelCount", "company", "discard")) {
            assertThat(CardDataNames.nameSaysCardData(name)).as(name).isFalse();
        }
    }

    @Test
    void anExplicitFieldReplacingAnOntologyFieldKeepsItsMarkers() {
        Resolution r = resolveYaml(manifest("""
                vertical: retail
                entities:
                  - name: Payment
                    ontologyDefaults: true
                    fields:
                      - {name: cardNumber, type: string, maxLength: 19}
                  - name: Customer
                    ontologyDefaults: true
                    fields:
                      - {name: email, type: email}
                """));
        assertThat(r.errors()).isEmpty();
        Field card = r.model().entities().get(0).field("cardNumber").orElseThrow();
        assertThat(card.has(Marker.CARD_DATA)).isTrue();
        assertThat(card.storage()).isEqualTo(FieldStorage.TOKENIZED);
        assertThat(r.model().entities().get(1).field("email").orElseThrow().has(Marker.PII)).isTrue();
    }

    @Test
    void theProofAppsStoreNoRawCardData() {
        for (String spec : List.of("parts-depot.yaml", "retail-store.yaml", "shop-pci.yaml")) {
            Resolution r = resolveResource(spec);
            assertThat(r.errors()).as(spec).isEmpty();
            assertNoRawCardColumn(new Synthesizer().synthesize(r.model()).files());
        }
    }
}
