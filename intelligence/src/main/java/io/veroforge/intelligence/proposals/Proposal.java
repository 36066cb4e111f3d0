package io.veroforge.intelligence.proposals;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A proposed improvement for one pattern, with its risk, checks and governance state. */
@Entity
@Table(name = "proposals")
public class Proposal extends PanacheEntityBase {
    public enum State { pending_review, approved, rejected }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pattern_id")
    public Long patternId;
    public String kind;
    public String summary;
    /** JSON: what the improvements overlay would change. */
    public String change;
    public String risk;
    /** JSON array of strings. */
    @Column(name = "risk_reasons")
    public String riskReasons;
    /** passed, failed or not_run. */
    public String checks;
    @Column(name = "checks_detail")
    public String checksDetail;
    public String state;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
