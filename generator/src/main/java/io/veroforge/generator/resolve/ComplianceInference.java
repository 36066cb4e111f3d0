package io.veroforge.generator.resolve;

import io.veroforge.generator.input.ComplianceInput;
import io.veroforge.generator.model.ComplianceProfile;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityCompliance;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Marker;
import io.veroforge.generator.model.Origin;
import io.veroforge.generator.model.Regime;
import io.veroforge.generator.model.RegimeDecision;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.UniversalEntity;
import io.veroforge.generator.ontology.VerticalMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which compliance regimes apply and turns them into concrete model changes.
 * A regime applies when the spec says so; when the spec says nothing, when the vertical implies
 * it (a clinic implies HIPAA) or a field marker does (phi → HIPAA, cardData → PCI). An explicit
 * {@code false} wins, and the validator then warns or refuses as the data demands.
 * <ul>
 *   <li>HIPAA: PHI fields encrypted at rest with pgcrypto; every entity audits reads and writes
 *       (kept six years); every API access is logged.</li>
 *   <li>PCI: card data is never stored raw — only a payment-provider token; writes are audited.</li>
 *   <li>GDPR: entities describing people get export and erase endpoints, consent fields and a
 *       retention period.</li>
 * </ul>
 */
public final class ComplianceInference {

    /** HIPAA requires compliance documentation, audit trails included, to be kept six years (45 CFR 164.316). */
    static final int HIPAA_AUDIT_RETENTION_DAYS = 2190;
    /** GDPR sets no number; three years after the last interaction is a common default, overridable later. */
    static final int GDPR_RETENTION_DAYS = 1095;
    static final String CONSENT_GIVEN = "consentGiven";
    static final String CONSENT_GIVEN_AT = "consentGivenAt";

    private final Ontology ontology;

    public ComplianceInference(Ontology ontology) {
        this.ontology = ontology;
    }

    public ResolvedModel apply(ResolvedModel model, ComplianceInput flags) {
        Optional<VerticalMap> vertical = ontology.vertical(model.vertical());
        List<RegimeDecision> decisions = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            decisions.add(decide(regime, flags, vertical, model));
        }
        boolean hipaa = decisions.get(Regime.HIPAA.ordinal()).applies();
        boolean pci = decisions.get(Regime.PCI.ordinal()).applies();
        boolean gdpr = decisions.get(Regime.GDPR.ordinal()).applies();

        List<String> requirements = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        int encrypted = 0;
        List<String> tokenized = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (Entity entity : model.entities()) {
            List<Field> fields = new ArrayList<>();
            for (Field field : entity.fields()) {
                if (hipaa && field.has(Marker.PHI)) {
                    fields.add(field.withStorage(FieldStorage.ENCRYPTED, "HIPAA: PHI encrypted at rest with pgcrypto"));
                    encrypted++;
                } else if (pci && field.has(Marker.CARD_DATA)) {
                    fields.add(field.withStorage(FieldStorage.TOKENIZED, "PCI: only a payment-provider token is stored"));
                    tokenized.add(entity.name() + "." + field.name() + " (column " + Inflector.snake(field.name()) + "_token)");
                } else {
                    fields.add(field);
                }
            }
            boolean subject = gdpr && isDataSubject(entity);
            if (subject) {
                subjects.add(entity.name());
                addConsentFields(entity, fields);
            }
            boolean holdsCards = pci && entity.holds(Marker.CARD_DATA);
            EntityCompliance compliance = new EntityCompliance(hipaa, hipaa || holdsCards, subject, subject, subject,
                    subject ? GDPR_RETENTION_DAYS : null);
            entities.add(entity.withFields(fields).withCompliance(compliance));
        }
        if (hipaa) {
            requirements.add("HIPAA: " + encrypted + " PHI field(s) encrypted at rest with pgcrypto (pgp_sym_encrypt, bytea columns)");
            requirements.add("HIPAA: audit log of every read and write on every entity, kept " + HIPAA_AUDIT_RETENTION_DAYS + " days");
            requirements.add("HIPAA: access logging of every API request (user, route, entity id)");
        }
        if (pci) {
            requirements.add(tokenized.isEmpty() ? "PCI: no card data fields; card data may only be added as tokenized references"
                    : "PCI: card data stored only as payment-provider tokens: " + String.join(", ", tokenized));
            requirements.add("PCI: audit log of every write to entities holding card data");
        }
        if (gdpr) {
            requirements.add(subjects.isEmpty() ? "GDPR: no entity holds personal data"
                    : "GDPR: export and erase endpoints, consent fields (" + CONSENT_GIVEN + ", " + CONSENT_GIVEN_AT + ") and "
                    + GDPR_RETENTION_DAYS + "-day retention for " + String.join(", ", subjects));
        }
        boolean anyEncrypted = encrypted > 0;
        ComplianceProfile profile = new ComplianceProfile(decisions, anyEncrypted, hipaa || pci, hipaa,
                hipaa ? HIPAA_AUDIT_RETENTION_DAYS : null, pci, gdpr && !subjects.isEmpty(),
                gdpr && !subjects.isEmpty() ? GDPR_RETENTION_DAYS : null, requirements);
        return model.withCompliance(profile, entities);
    }

    private RegimeDecision decide(Regime regime, ComplianceInput flags, Optional<VerticalMap> vertical, ResolvedModel model) {
        Boolean explicit = flags == null ? null : switch (regime) {
            case HIPAA -> flags.hipaa();
            case PCI -> flags.pci();
            case GDPR -> flags.gdpr();
        };
        if (explicit != null) {
            return new RegimeDecision(regime, explicit, "compliance." + regime.keyword() + ": " + explicit);
        }
        if (vertical.isPresent() && vertical.get().compliance().contains(regime.keyword())) {
            return new RegimeDecision(regime, true, "implied by vertical " + vertical.get().id());
        }
        Marker implying = switch (regime) {
            case HIPAA -> Marker.PHI;
            case PCI -> Marker.CARD_DATA;
            case GDPR -> null; // GDPR depends on where the data subjects live, which no field tells
        };
        if (implying != null) {
            for (Entity entity : model.entities()) {
                for (Field field : entity.fields()) {
                    if (field.has(implying)) {
                        return new RegimeDecision(regime, true, "implied by " + entity.name() + "." + field.name()
                                + " marked " + implying.keyword());
                    }
                }
            }
        }
        return new RegimeDecision(regime, false, "not requested");
    }

    /** Rows describe a person: the concept says so, or the entity holds personal data. */
    private boolean isDataSubject(Entity entity) {
        boolean conceptSays = entity.concept() != null && ontology.concept(entity.concept()).map(UniversalEntity::dataSubject).orElse(false);
        return conceptSays || entity.holds(Marker.PII) || entity.holds(Marker.PHI);
    }

    private static void addConsentFields(Entity entity, List<Field> fields) {
        Origin origin = Origin.compliance(Regime.GDPR, "consent tracking for data subjects");
        String base = entity.path() + ".fields[";
        if (fields.stream().noneMatch(f -> f.name().equals(CONSENT_GIVEN))) {
            fields.add(new Field(entity.name(), CONSENT_GIVEN, FieldType.BOOLEAN, true, false, null, null, null, null, null,
                    List.of(), List.of(), FieldStorage.PLAIN, null, origin, base + CONSENT_GIVEN + "]",
                    "the data subject consented to the processing of their personal data (GDPR)"));
        }
        if (fields.stream().noneMatch(f -> f.name().equals(CONSENT_GIVEN_AT))) {
            fields.add(new Field(entity.name(), CONSENT_GIVEN_AT, FieldType.DATETIME, false, false, null, null, null, null, null,
                    List.of(), List.of(), FieldStorage.PLAIN, null, origin, base + CONSENT_GIVEN_AT + "]",
                    "when consent was given (GDPR)"));
        }
    }
}
