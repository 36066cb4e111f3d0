package io.veroforge.intelligence.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ObservationTest {

    @Test
    void confidenceIsTheWilsonLowerBoundOfTheShareOfTenantsShowingIt() {
        assertThat(observation(12, 12).confidence()).isCloseTo(0.758, within(0.001));
        assertThat(observation(12, 1_000).confidence()).isCloseTo(0.0069, within(0.0005));
        assertThat(observation(50, 100).confidence()).isCloseTo(0.404, within(0.001));
        assertThat(observation(0, 0).confidence()).isZero();
    }

    @Test
    void theSignatureNamesTheKindAndEveryPartInOrder() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("edit", "added_field");
        parts.put("ontologyType", "Appointment");
        assertThat(new Observation("customer_edit", parts, 1, 1, 1, null, null).signature())
                .isEqualTo("customer_edit|edit=added_field|ontologyType=Appointment");
    }

    private static Observation observation(int tenants, int observed) {
        return new Observation("customer_edit", Map.of(), tenants, tenants, observed, OffsetDateTime.now(), OffsetDateTime.now());
    }
}
