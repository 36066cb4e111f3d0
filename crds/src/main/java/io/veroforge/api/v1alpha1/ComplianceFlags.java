package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Compliance regimes; the generator infers more from an app's vertical and fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComplianceFlags {

    @JsonPropertyDescription("Protected health information: encrypted PHI fields, audit log of every read and write.")
    private Boolean hipaa;

    @JsonPropertyDescription("Card data: never stored raw, tokenized references only.")
    private Boolean pci;

    @JsonPropertyDescription("Personal data of EU residents: export and erasure endpoints, consent, retention.")
    private Boolean gdpr;

    public Boolean getHipaa() {
        return hipaa;
    }

    public void setHipaa(Boolean hipaa) {
        this.hipaa = hipaa;
    }

    public Boolean getPci() {
        return pci;
    }

    public void setPci(Boolean pci) {
        this.pci = pci;
    }

    public Boolean getGdpr() {
        return gdpr;
    }

    public void setGdpr(Boolean gdpr) {
        this.gdpr = gdpr;
    }
}
