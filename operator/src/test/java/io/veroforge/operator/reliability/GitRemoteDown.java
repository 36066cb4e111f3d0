package io.veroforge.operator.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.StageName;

/**
 * "Git remote down across a restart": the customer's Git remote is cut (the {@link FaultProxy} in
 * front of it refuses connections) while Generations publish to it; once one of them is retrying
 * its Commit with GitUnavailable the operator is killed with SIGKILL and started again; the new
 * process must find the same Generations still waiting — retrying, not failed, nothing half
 * written — and say so in its own log; then the remote comes back and they go on. What happens
 * to the commits is left to the census: each Generation still has exactly one.
 */
final class GitRemoteDown {
    private static final Duration SEEN = Duration.ofSeconds(30);

    private GitRemoteDown() {
    }

    /**
     * Runs it with the remote already cut and the wave's edits applied; adds its kill to {@code kills}
     * and returns the figures for the verdict.
     */
    static String acrossARestart(KubernetesClient client, GenerationCensus census, List<ChaosApp> wave, GenerationKillChaos.Lives lives,
            FaultProxy remote, long applied, List<GenerationKillChaos.Kill> kills) throws Exception {
        long cutAt = System.nanoTime();
        List<ChaosApp> remoteApps = wave.stream().filter(a -> a.remoteRepository() != null).toList();
        Optional<Generation> retrying = awaitRetryingCommit(census, remoteApps, SEEN);
        if (retrying.isEmpty()) {
            throw new IllegalStateException("with the Git remote cut, no Generation of " + remoteApps + " was seen retrying its Commit within " + SEEN);
        }
        String which = retrying.get().getMetadata().getNamespace() + "/" + retrying.get().getMetadata().getName();
        long at = Duration.ofNanos(System.nanoTime() - applied).toMillis();
        lives.kill();
        kills.add(new GenerationKillChaos.Kill(at, StageName.Commit, which + " (remote down)", GenerationKillChaos.inFlight(census, wave)));
        // The new process must look at it and find the remote still down, by itself: its own log says so.
        Path log = lives.log();
        long from = Files.size(log);
        lives.start();
        String line = "Generation " + which + ", stage Commit: GitUnavailable";
        long deadline = System.nanoTime() + SEEN.toNanos();
        boolean retriedByTheNewLife = false;
        while (!retriedByTheNewLife && System.nanoTime() < deadline) {
            Thread.sleep(250);
            retriedByTheNewLife = tail(log, from).contains(line);
        }
        if (!retriedByTheNewLife) {
            throw new IllegalStateException("after the restart the operator did not retry " + which + "'s Commit against the cut remote within "
                    + SEEN + " (no \"" + line + "\" in " + log + ")");
        }
        long stillWaiting = remoteApps.stream().flatMap(a -> census.generationsOf(a).stream())
                .filter(g -> g.getMetadata().getName().endsWith("-2") && !GenerationCensus.finished(g)).count();
        long failed = remoteApps.stream().flatMap(a -> census.generationsOf(a).stream())
                .filter(g -> GenerationCensus.finished(g) && !GenerationCensus.succeeded(g)).count();
        double down = (System.nanoTime() - cutAt) / 1e9;
        remote.restore();
        long restored = System.nanoTime();
        GenerationKillChaos.awaitFinished(census, remoteApps, Duration.ofMinutes(3));
        return String.format(Locale.ROOT, "Git remote down %.1f s across the SIGKILL: the new process retried %s with GitUnavailable, %d of %d"
                + " remote Generations waiting and %d failed then; all done %.1f s after the restore", down, which, stillWaiting,
                remoteApps.size(), failed, (System.nanoTime() - restored) / 1e9);
    }

    private static Optional<Generation> awaitRetryingCommit(GenerationCensus census, List<ChaosApp> apps, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (ChaosApp app : apps) {
                for (Generation g : census.generationsOf(app)) {
                    if (g.getStatus() != null && g.getStatus().getStage() == StageName.Commit && g.getStatus().getStages().stream()
                            .anyMatch(s -> s.getName() == StageName.Commit && s.getMessage() != null && s.getMessage().contains("GitUnavailable"))) {
                        return Optional.of(g);
                    }
                }
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static String tail(Path log, long from) throws java.io.IOException {
        byte[] all = Files.readAllBytes(log);
        return from >= all.length ? "" : new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }
}
