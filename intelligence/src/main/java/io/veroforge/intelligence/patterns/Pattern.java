package io.veroforge.intelligence.patterns;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A behaviour seen across at least k tenants. It holds counts and the structural signature only:
 * no customer id, no tenant, no name a customer chose.
 */
@Entity
@Table(name = "patterns")
public class Pattern extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String signature;
    /** customer_edit, failure, slow_stage or scan_findings. */
    public String kind;
    public String description;
    /** JSON object: the signature's parts (edit kind, ontology type, field type, file, stage, error …). */
    public String details;
    @Column(name = "evidence_tenants")
    public int evidenceTenants;
    @Column(name = "evidence_events")
    public long evidenceEvents;
    @Column(name = "tenants_observed")
    public int tenantsObserved;
    public double confidence;
    @Column(name = "first_seen")
    public OffsetDateTime firstSeen;
    @Column(name = "last_seen")
    public OffsetDateTime lastSeen;
    @Column(name = "detected_at")
    public OffsetDateTime detectedAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
