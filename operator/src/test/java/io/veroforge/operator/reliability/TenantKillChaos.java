package io.veroforge.operator.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.veroforge.localapi.StandaloneLocalApi;

/**
 * The Tenant chaos scenario: {@code tenants} Tenants applied at once, the operator process killed
 * with SIGKILL {@code kills} times at random instants while they are provisioned (restarted each
 * time, as a Deployment would), then the census: every Tenant Ready, exactly one namespace,
 * schema, login role and credentials Secret each, and every Secret's password still logs in.
 *
 * <p>{@code main} is the full scenario of docs/reliability.md ({@code -Pchaos}); the default suite
 * runs a short version ({@link TenantKillChaosTest}).
 */
public final class TenantKillChaos {

    /** What one run found: the census and the figures around it. */
    public record Outcome(TenantCensus.Result census, int kills, Duration sinceApplied, List<Long> instantsMs) {
        public String verdict() {
            return census.verdict() + "; " + kills + " SIGKILLs at " + instantsMs + " ms, all Ready "
                    + String.format("%.1f", sinceApplied.toMillis() / 1000.0) + " s after the apply";
        }
    }

    private TenantKillChaos() {
    }

    public static Outcome run(int tenants, int kills, long seed, Duration converge) throws Exception {
        String prefix = "cx" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("veroforge-chaos");
        Random random = new Random(seed);
        try (StandaloneLocalApi api = StandaloneLocalApi.start(0, dir.resolve("kubeconfig"));
             KubernetesClient client = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder().withMasterUrl(api.url()).build()).build();
             ScratchDatabase db = ScratchDatabase.create("vf_chaos_" + ProcessHandle.current().pid(), prefix)) {
            TenantCensus census = new TenantCensus(client, db, prefix);
            DeployedOperator operator = DeployedOperator.start("chaos-tenants", api.url(), db.name(), dir.resolve("git"), Map.of());
            long applied = System.nanoTime();
            for (int i = 0; i < tenants; i++) {
                client.resource(TenantCensus.basicTenant(prefix + "-" + i)).create();
            }
            List<Long> instants = new ArrayList<>();
            try {
                for (int k = 0; k < kills; k++) {
                    // a random instant while work is in flight: within the first seconds of each life
                    Thread.sleep(200 + random.nextInt(2500));
                    instants.add(Duration.ofNanos(System.nanoTime() - applied).toMillis());
                    operator.kill();
                    operator = DeployedOperator.start("chaos-tenants", api.url(), db.name(), dir.resolve("git"), Map.of());
                }
                long deadline = System.nanoTime() + converge.toNanos();
                while (census.ready() < tenants && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                Duration sinceApplied = Duration.ofNanos(System.nanoTime() - applied);
                return new Outcome(census.count(tenants), kills, sinceApplied, instants);
            } finally {
                operator.close();
            }
        }
    }

    /** {@code -Dchaos.tenants=500 -Dchaos.kills=20 -Dchaos.seed=1}; exits 1 unless the census is clean. */
    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("chaos.tenants", 500);
        int kills = Integer.getInteger("chaos.kills", 20);
        long seed = Long.getLong("chaos.seed", 1L);
        Outcome outcome = run(tenants, kills, seed, Duration.ofMinutes(10));
        System.out.println("tenant chaos (" + tenants + " tenants, seed " + seed + "): " + outcome.verdict());
        System.exit(outcome.census().clean() ? 0 : 1);
    }
}
