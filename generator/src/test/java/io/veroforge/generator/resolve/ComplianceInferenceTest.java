package io.veroforge.generator.resolve;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveResource;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.Marker;
import io.veroforge.generator.model.OriginKind;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.Regime;
import io.veroforge.generator.model.ResolvedModel;
import org.junit.jupiter.api.Test;

class ComplianceInferenceTest {

    private static Field field(ResolvedModel m, String entity, String field) {
        return m.entity(entity).orElseThrow().field(field).orElseThrow();
    }

    @Test
    void healthcareClinicImpliesHipaaWithEncryptedPhiAndAuditing() {
        Resolution r = resolveResource("clinic.yaml");
        assertThat(r.errors()).isEmpty();
        ResolvedModel m = r.model();

        assertThat(m.compliance().regimes()).containsExactly(Regime.HIPAA);
        assertThat(m.compliance().decisions().get(0).reason()).isEqualTo("implied by vertical healthcare-clinic");
        Field allergies = field(m, "Patient", "allergies");
        assertThat(allergies.storage()).isEqualTo(FieldStorage.ENCRYPTED);
        assertThat(allergies.sqlType()).isEqualTo("bytea");
        assertThat(allergies.prismaType()).isEqualTo("Bytes");
        assertThat(allergies.tsType()).isEqualTo("string");
        assertThat(m.entities()).allSatisfy(e -> {
            assertThat(e.compliance().auditReads()).isTrue();
            assertThat(e.compliance().auditWrites()).isTrue();
            e.fields().stream().filter(f -> f.has(Marker.PHI)).forEach(f -> assertThat(f.storage()).isEqualTo(FieldStorage.ENCRYPTED));
        });
        assertThat(m.compliance().pgcrypto()).isTrue();
        assertThat(m.compliance().accessLogging()).isTrue();
        assertThat(m.compliance().auditRetentionDays()).isEqualTo(2190);
        assertThat(field(m, "Patient", "name").storage()).isEqualTo(FieldStorage.PLAIN);
    }

    @Test
    void turningHipaaOffForAClinicWarnsAndStoresPhiPlain() {
        Resolution r = resolveYaml(manifest("""
                vertical: healthcare-clinic
                compliance: {hipaa: false}
                entities: [{name: Patient}]
                """));
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).extracting(Problem::path).contains("compliance.hipaa", "entities[0].fields[allergies].markers");
        assertThat(field(r.model(), "Patient", "allergies").storage()).isEqualTo(FieldStorage.PLAIN);
    }

    @Test
    void phiMarkedFieldCannotBeUniqueOrSearchableOnceEncrypted() {
        Resolution r = resolveYaml(manifest("""
                compliance: {hipaa: true}
                entities:
                  - name: Chart
                    fields: [{name: code, type: string, unique: true, markers: [phi, searchable]}]
                """));
        assertThat(r.errors()).extracting(Problem::path).containsExactly("entities[0].fields[0].unique", "entities[0].fields[0].markers");
    }

    @Test
    void pciCardDataBecomesATokenizedReference() {
        Resolution r = resolveResource("shop-pci.yaml");
        assertThat(r.errors()).isEmpty();
        Field card = field(r.model(), "Purchase", "cardNumber");
        assertThat(card.storage()).isEqualTo(FieldStorage.TOKENIZED);
        assertThat(card.column()).isEqualTo("card_number_token");
        assertThat(card.sqlType()).isEqualTo("text");
        assertThat(r.model().compliance().paymentTokenization()).isTrue();
        assertThat(r.model().entity("Purchase").orElseThrow().compliance().auditWrites()).isTrue();
    }

    @Test
    void cardDataMarkerImpliesPciAndAnExplicitPciFalseIsRefused() {
        ResolvedModel retail = resolveYaml(manifest("vertical: retail\n")).model();
        assertThat(retail.compliance().regimes()).containsExactly(Regime.PCI);
        assertThat(retail.compliance().decisions().get(Regime.PCI.ordinal()).reason()).isEqualTo("implied by Payment.cardNumber marked cardData");
        assertThat(field(retail, "Payment", "cardNumber").storage()).isEqualTo(FieldStorage.TOKENIZED);

        Resolution refused = resolveYaml(manifest("""
                vertical: retail
                compliance: {pci: false}
                """));
        assertThat(refused.errors()).extracting(Problem::path).containsExactly("entities[Payment].fields[cardNumber].markers");
    }

    @Test
    void gdprAddsExportEraseConsentAndRetentionToDataSubjects() {
        ResolvedModel m = resolveResource("pest-control-explicit.yaml").model();
        assertThat(m.compliance().regimes()).containsExactly(Regime.GDPR);
        Entity customer = m.entity("Customer").orElseThrow();
        assertThat(customer.compliance().dataSubject()).isTrue();
        assertThat(customer.compliance().exportEndpoint()).isTrue();
        assertThat(customer.compliance().eraseEndpoint()).isTrue();
        assertThat(customer.compliance().retentionDays()).isEqualTo(1095);
        Field consent = customer.field("consentGiven").orElseThrow();
        assertThat(consent.origin().kind()).isEqualTo(OriginKind.COMPLIANCE);
        assertThat(customer.field("consentGivenAt")).isPresent();
        // a job holds no personal data: no GDPR endpoints
        Entity job = m.entity("Job").orElseThrow();
        assertThat(job.compliance().exportEndpoint()).isFalse();
        assertThat(job.field("consentGiven")).isEmpty();
        assertThat(m.compliance().personalDataRetentionDays()).isEqualTo(1095);
        assertThat(m.compliance().requirements()).anyMatch(s -> s.startsWith("GDPR: export and erase endpoints"));
    }
}
