package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Progress and outcome of one generator run; conditions are Succeeded (the run) and Ready (serving). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GenerationStatus extends ConditionedStatus {
    private GenerationPhase phase;
    /** The stage running now, the one that stopped the run, or Verify once it succeeded. */
    private StageName stage;
    private List<StageStatus> stages = new ArrayList<>();
    private ArtifactCounts artifacts;
    private GapCounts gaps;
    private List<SecurityFinding> findings = new ArrayList<>();
    private GitCommit commit;
    private MigrationPlan migrationPlan;
    private ApprovalStatus approval;
    private DeploymentStatus deployment;

    public GenerationPhase getPhase() {
        return phase;
    }

    public void setPhase(GenerationPhase phase) {
        this.phase = phase;
    }

    public StageName getStage() {
        return stage;
    }

    public void setStage(StageName stage) {
        this.stage = stage;
    }

    public List<StageStatus> getStages() {
        return stages;
    }

    public void setStages(List<StageStatus> stages) {
        this.stages = stages == null ? new ArrayList<>() : stages;
    }

    public ArtifactCounts getArtifacts() {
        return artifacts;
    }

    public void setArtifacts(ArtifactCounts artifacts) {
        this.artifacts = artifacts;
    }

    public GapCounts getGaps() {
        return gaps;
    }

    public void setGaps(GapCounts gaps) {
        this.gaps = gaps;
    }

    public List<SecurityFinding> getFindings() {
        return findings;
    }

    public void setFindings(List<SecurityFinding> findings) {
        this.findings = findings == null ? new ArrayList<>() : findings;
    }

    public GitCommit getCommit() {
        return commit;
    }

    public void setCommit(GitCommit commit) {
        this.commit = commit;
    }

    public MigrationPlan getMigrationPlan() {
        return migrationPlan;
    }

    public void setMigrationPlan(MigrationPlan migrationPlan) {
        this.migrationPlan = migrationPlan;
    }

    public ApprovalStatus getApproval() {
        return approval;
    }

    public void setApproval(ApprovalStatus approval) {
        this.approval = approval;
    }

    public DeploymentStatus getDeployment() {
        return deployment;
    }

    public void setDeployment(DeploymentStatus deployment) {
        this.deployment = deployment;
    }
}
