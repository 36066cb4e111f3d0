package io.veroforge.operator.generation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GitCommit;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.generator.git.AppRepository;
import io.veroforge.generator.git.Publication;
import io.veroforge.generator.git.PublishResult;
import io.veroforge.operator.delivery.AppRepositories;
import io.veroforge.operator.delivery.AppRepositories.OpenedRepository;
import io.veroforge.operator.delivery.DeliveryException;

/**
 * Commits the generated code to {@code veroforge/generated} and merges it three-way into the
 * customer's branch, so their edits survive. A conflict stops the stage with the paths and a
 * {@code veroforge/conflicts/<generation>} branch to resolve from, until the resolution reaches the
 * customer's branch (or a newer Generation supersedes this one). Generations of one app commit
 * in order: an older one still on its way to Commit goes first, or the generated branch's history
 * (the merge base of the next run) would be out of order.
 */
final class CommitStage implements Stage {
    /** Status lists at most this many paths; the message gives the count. */
    private static final int LISTED = 100;

    static final String MERGE_CONFLICT = "MergeConflict";

    private final GeneratedCode code;
    private final AppRepositories repositories;
    private final Duration conflictRecheck;
    private final GenerationTelemetry telemetry;

    CommitStage(GeneratedCode code, AppRepositories repositories, Duration conflictRecheck, GenerationTelemetry telemetry) {
        this.telemetry = telemetry;
        this.code = code;
        this.repositories = repositories;
        this.conflictRecheck = conflictRecheck;
    }

    @Override
    public StageName name() {
        return StageName.Commit;
    }

    @Override
    public boolean slow() {
        return true;
    }

    @Override
    public StageOutcome run(GenerationRun run) throws Exception {
        List<Generation> siblings = DeployedGeneration.ofApp(run.client(), run.namespace(), run.app());
        if (inConflict(run.recorded().getCommit())) {
            Optional<Generation> newer = run.newerAmong(siblings);
            if (newer.isPresent()) {
                return StageOutcome.superseded("superseded by " + newer.get().getMetadata().getName() + " while its merge conflict was open");
            }
        }
        Optional<Generation> older = olderStillToCommit(run, siblings);
        if (older.isPresent()) {
            return StageOutcome.waiting("WaitingForOlderGeneration", "waiting for " + older.get().getMetadata().getName()
                    + " to commit first (Generations of one app commit in order)", Duration.ofSeconds(2));
        }
        Generation g = run.generation();
        Publication publication = new Publication(run.name(), run.app(), g.getSpec().getAppSpec().getGeneration() == null ? 0
                : g.getSpec().getAppSpec().getGeneration(), g.getSpec().getTemplatePack().getName(), g.getSpec().getTemplatePack().getRevision(),
                repositories.customerBranch(run.appSpec()));
        OpenedRepository opened;
        try {
            opened = repositories.open(run.appSpec());
        } catch (DeliveryException e) {
            // A missing or incomplete credentials Secret is for a person to fix; look again later.
            return StageOutcome.waiting("GitCredentialsMissing", e.getMessage(), Duration.ofSeconds(30));
        }
        PublishResult result;
        synchronized (opened.lock()) {
            try (AppRepository repository = opened.repository()) {
                result = repository.publish(code.of(g, run.recorded()), publication);
            }
        }
        GitCommit commit = new GitCommit();
        commit.setRepository(opened.url());
        commit.setBranch(result.conflicting() ? result.conflictBranch() : publication.customerBranch());
        commit.setSha(result.customerCommit()); // null when conflicting: nothing reached the customer branch
        commit.setGeneratedSha(result.generatedCommit());
        commit.setDrift(List.copyOf(result.drift()).subList(0, Math.min(result.drift().size(), LISTED)));
        commit.setConflicts(List.copyOf(result.conflicts()).subList(0, Math.min(result.conflicts().size(), LISTED)));
        String drift = result.drift().isEmpty() ? "no customized files" : result.drift().size() + " customized file(s): " + shortList(result.drift());
        if (result.conflicting()) {
            // Waits for a person: once the conflicts branch (resolved) is merged into the customer's
            // branch, the next look finds the generated commit there and the run goes on.
            return StageOutcome.waiting(MERGE_CONFLICT, "the generated code conflicts with edits on " + publication.customerBranch() + " in "
                    + result.conflicts().size() + " file(s): " + shortList(result.conflicts()) + ". Branch " + result.conflictBranch()
                    + " has them with conflict markers: resolve them there and merge it into " + publication.customerBranch()
                    + "; the operator looks again every " + conflictRecheck.toSeconds() + " s and goes on (or change the AppSpec: a newer Generation supersedes this one)",
                    conflictRecheck, status -> status.setCommit(commit));
        }
        if (!result.drift().isEmpty()) {
            // what customers change in generated code, by structure only (docs/intelligence.md)
            telemetry.customerEdits(g, CustomerEdits.of(result.drift(), code.of(g, run.recorded()).keySet(), GeneratedCode.modelOf(g).entities()));
        }
        return StageOutcome.succeeded("generated " + abbrev(result.generatedCommit()) + " merged into " + publication.customerBranch() + " as "
                + abbrev(result.customerCommit()) + "; " + drift, status -> status.setCommit(commit));
    }

    /** An older Generation still on its way to Commit goes first; one stuck in a merge conflict does not hold the app up. */
    private static Optional<Generation> olderStillToCommit(GenerationRun run, List<Generation> siblings) {
        return siblings.stream()
                .filter(g -> GenerationRun.numberOf(g.getMetadata().getName()) < run.number())
                .filter(g -> g.getStatus() == null || !GenerationTimeline.finished(g.getStatus())
                        && g.getStatus().getStages().stream().noneMatch(s -> s.getName() == StageName.Commit && GenerationTimeline.done(s))
                        && !inConflict(g.getStatus().getCommit()))
                .findFirst();
    }

    private static boolean inConflict(GitCommit commit) {
        return commit != null && !commit.getConflicts().isEmpty();
    }

    static String shortList(List<String> paths) {
        return paths.size() <= 10 ? String.join(", ", paths) : String.join(", ", paths.subList(0, 10)) + " and " + (paths.size() - 10) + " more";
    }

    private static String abbrev(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }
}
