package io.veroforge.operator.improvements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.veroforge.generator.overlay.OverlayImprovement;

/** What a message of veroforge_improvements becomes: an improvement for the overlay, or a skip that says why. */
class ImprovementMessageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ImprovementMessage parse(String kind, String change) {
        return ImprovementMessage.parse(JSON, "{\"proposalId\":7,\"kind\":\"" + kind + "\",\"change\":" + JSON.valueToTree(change)
                + ",\"evidence\":{\"tenants\":12,\"events\":30,\"confidence\":0.76},\"approvedBy\":\"alice\"}");
    }

    @Test
    void anOptionalOntologyFieldBecomesAnImprovementWithItsEvidenceAndNamedField() {
        ImprovementMessage m = parse("ontology_optional_field",
                "{\"ontologyType\":\"Invoice\",\"addField\":{\"name\":\"paidOn\",\"type\":\"date\",\"required\":false}}");

        assertThat(m).isEqualTo(new ImprovementMessage.Apply(new OverlayImprovement(7, "Invoice", "paidOn", "date", 12, 30, 0.76, "alice")));
        assertThat(((ImprovementMessage.Apply) m).improvement().field()).isEqualTo("paidOn");
    }

    @Test
    void withoutANameTheFieldIsNamedAfterItsType() {
        ImprovementMessage m = parse("ontology_optional_field", "{\"ontologyType\":\"Invoice\",\"addField\":{\"type\":\"datetime\"}}");

        assertThat(((ImprovementMessage.Apply) m).improvement().field()).isEqualTo("extraDatetime");
    }

    @Test
    void otherKindsRequiredFieldsAndBrokenMessagesAreSkippedWithTheReason() {
        assertThat(parse("template_review", "{\"file\":\"README.md\"}"))
                .isEqualTo(new ImprovementMessage.Skip("proposal 7 is a template_review: only ontology_optional_field is applied to the"
                        + " overlay; other changes are a maintainer's patch to the pack"));
        assertThat(parse("ontology_optional_field", "{\"ontologyType\":\"Invoice\",\"addField\":{\"type\":\"date\",\"required\":true}}"))
                .isEqualTo(new ImprovementMessage.Skip("proposal 7: change.addField.required is true; the overlay adds optional fields only"));
        assertThat(parse("ontology_optional_field", "{\"addField\":{\"type\":\"date\"}}"))
                .isEqualTo(new ImprovementMessage.Skip("proposal 7: change.ontologyType and change.addField.type are required"));
        assertThat(ImprovementMessage.parse(JSON, "{\"kind\":\"ontology_optional_field\"}"))
                .isEqualTo(new ImprovementMessage.Skip("proposalId: missing or not a positive number"));
        assertThat(ImprovementMessage.parse(JSON, "[1, 2")).isInstanceOf(ImprovementMessage.Skip.class)
                .satisfies(s -> assertThat(((ImprovementMessage.Skip) s).reason()).startsWith("not JSON"));
    }
}
