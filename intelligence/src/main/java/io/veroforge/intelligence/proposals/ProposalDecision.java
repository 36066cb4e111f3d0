package io.veroforge.intelligence.proposals;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Who decided what about a proposal, when and why; never updated, only added. */
@Entity
@Table(name = "proposal_decisions")
public class ProposalDecision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "proposal_id")
    public Long proposalId;
    /** approved or rejected. */
    public String decision;
    /** A reviewer's name, or {@code governance} for an automatic approval. */
    public String actor;
    public String reason;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
