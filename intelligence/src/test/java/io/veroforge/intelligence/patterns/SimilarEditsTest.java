package io.veroforge.intelligence.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SimilarEditsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private final SimilarEdits similar = new SimilarEdits(0.5);

    @Test
    void rareVariantsOfOneNeedReachKTogetherAndPublishOnlyWhatTheyShare() {
        List<EditVariant> variants = List.of(
                added("Invoice", "date", true, tenants("a", 0, 6), T0.plusHours(3)),
                added("Invoice", "datetime", false, tenants("b", 0, 5), T0));

        List<Observation> found = similar.clusters(variants, 10, 40);

        assertThat(found).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo("customer_edit_cluster");
            assertThat(o.tenants()).isEqualTo(11);
            assertThat(o.events()).isEqualTo(11);
            assertThat(o.tenantsObserved()).isEqualTo(40);
            assertThat(o.parts()).containsExactly(Map.entry("edit", "added_field"), Map.entry("ontologyType", "Invoice"),
                    Map.entry("varies", "fieldType,optional"));
            // the values only some tenants chose are not published: fewer than k tenants stand behind each
            assertThat(o.signature()).doesNotContain("datetime").doesNotContain("date|");
            assertThat(o.firstSeen()).isEqualTo(T0);
            assertThat(o.lastSeen()).isEqualTo(T0.plusHours(3));
        });
    }

    @Test
    void aTenantInSeveralVariantsCountsOnceSoNineTenantsAreNoPattern() {
        List<EditVariant> variants = List.of(
                added("Invoice", "date", true, tenants("t", 0, 9), T0),
                added("Invoice", "date", false, tenants("t", 3, 9), T0));

        assertThat(similar.clusters(variants, 10, 40)).isEmpty();
        assertThat(similar.clusters(variants, 9, 40)).singleElement()
                .satisfies(o -> assertThat(o.parts()).containsEntry("fieldType", "date").containsEntry("varies", "optional"));
    }

    @Test
    void differentOntologyTypesEditKindsOrTypeFamiliesAreDifferentNeeds() {
        assertThat(similar.clusters(List.of(
                added("Invoice", "date", true, tenants("a", 0, 6), T0),
                added("Appointment", "date", true, tenants("b", 0, 6), T0)), 10, 40)).isEmpty();
        assertThat(similar.clusters(List.of(
                added("Invoice", "date", true, tenants("a", 0, 6), T0),
                added("Invoice", "string", true, tenants("b", 0, 6), T0)), 10, 40)).isEmpty();
        EditVariant removed = new EditVariant(parts("removed_field", "Invoice", "date", null), tenants("b", 0, 6), 6, T0, T0);
        assertThat(similar.clusters(List.of(added("Invoice", "date", true, tenants("a", 0, 6), T0), removed), 10, 40)).isEmpty();
    }

    @Test
    void variantsChainThroughTheirNeighboursAndEpsZeroGroupsNothing() {
        // date/optional ~ date/required ~ datetime/required: one need, reached in two steps
        List<EditVariant> chain = List.of(
                added("Shipment", "date", true, tenants("a", 0, 4), T0),
                added("Shipment", "date", false, tenants("b", 0, 4), T0),
                added("Shipment", "datetime", false, tenants("c", 0, 4), T0));
        assertThat(similar.clusters(chain, 10, 40)).singleElement().satisfies(o -> assertThat(o.tenants()).isEqualTo(12));
        assertThat(new SimilarEdits(0).clusters(chain, 10, 40)).isEmpty();
    }

    private static EditVariant added(String type, String fieldType, boolean optional, Set<String> customers, OffsetDateTime at) {
        return new EditVariant(parts("added_field", type, fieldType, optional), customers, customers.size(), at, at);
    }

    private static Map<String, String> parts(String edit, String type, String fieldType, Boolean optional) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("edit", edit);
        parts.put("ontologyType", type);
        parts.put("fieldType", fieldType);
        if (optional != null) {
            parts.put("optional", String.valueOf(optional));
        }
        return parts;
    }

    private static Set<String> tenants(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).collect(Collectors.toSet());
    }
}
