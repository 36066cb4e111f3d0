package io.veroforge.generator.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.validate.DidYouMean;
import java.util.List;
import org.junit.jupiter.api.Test;

class InflectorAndDidYouMeanTest {

    @Test
    void entityNamesAreComputedForEveryLayer() {
        EntityNames names = EntityNames.of("ServiceCategory");
        assertThat(names.table()).isEqualTo("service_categories");
        assertThat(names.pluralKebab()).isEqualTo("service-categories");
        assertThat(names.camel()).isEqualTo("serviceCategory");
        assertThat(names.pluralCamel()).isEqualTo("serviceCategories");
        assertThat(EntityNames.of("Person").table()).isEqualTo("people");
        assertThat(EntityNames.of("Diagnosis").table()).isEqualTo("diagnoses");
        assertThat(EntityNames.of("Address").table()).isEqualTo("addresses");
        assertThat(EntityNames.of("Equipment").table()).isEqualTo("equipment");
        assertThat(EntityNames.of("HTTPRequest").table()).isEqualTo("http_requests");
    }

    @Test
    void didYouMeanPicksTheClosestNameWithinAFewEdits() {
        assertThat(DidYouMean.closest("Techician", List.of("Technician", "Job"))).contains("Technician");
        assertThat(DidYouMean.closest("Techincian", List.of("Technician", "Job"))).contains("Technician");
        assertThat(DidYouMean.closest("job", List.of("Technician", "Job"))).contains("Job");
        assertThat(DidYouMean.closest("Spaceship", List.of("Technician", "Job"))).isEmpty();
    }
}
