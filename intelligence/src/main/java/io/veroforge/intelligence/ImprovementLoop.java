package io.veroforge.intelligence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.veroforge.intelligence.patterns.PatternDetector;
import io.veroforge.intelligence.proposals.Proposal;
import io.veroforge.intelligence.proposals.ProposalDesk;
import io.veroforge.intelligence.proposals.Reviewers;

/**
 * The loop from stored telemetry to proposals: detect patterns, then give each new or grown one to
 * the proposal desk. Runs on a schedule and on a reviewer's request.
 */
@ApplicationScoped
@Path("/api/v1/detect")
public class ImprovementLoop {
    private final PatternDetector detector;
    private final ProposalDesk desk;
    private final Reviewers reviewers;

    public ImprovementLoop(PatternDetector detector, ProposalDesk desk, Reviewers reviewers) {
        this.detector = detector;
        this.desk = desk;
        this.reviewers = reviewers;
    }

    @Scheduled(every = "${veroforge.intelligence.detect-every:60s}", delayed = "${veroforge.intelligence.detect-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    /** Runs detection now; answers the proposals for the patterns that are new or grew. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<Proposal>> now(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        reviewers.identify(authorization);
        return run();
    }

    Uni<List<Proposal>> run() {
        return detector.detect().flatMap(patterns -> Multi.createFrom().iterable(patterns)
                .onItem().transformToUniAndConcatenate(desk::consider).collect().asList());
    }
}
