package io.veroforge.operator.reliability;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.veroforge.localapi.StandaloneLocalApi;
import io.veroforge.operator.reliability.FaultProxy.Fault;

/**
 * The Kubernetes API unreachable for the operator: the deployed operator (leader election off, so
 * losing its Lease is not a reason to exit) reaches the standalone local API only through a
 * {@link FaultProxy}. Half the Tenants are applied, the proxy is cut mid-burst (connections refused,
 * watches closed), the other half is applied to the API during the cut — events the operator
 * cannot see — and after {@code cut} the proxy is restored. The operator must stay up (no exit, no
 * failing liveness probe a kubelet would restart it for) and not spin; after the cut its informers
 * must catch up, so the Tenants applied meanwhile become Ready too (the census).
 */
public final class ApiCutChaos {

    /** What one run found. */
    public record Outcome(Fault fault, TenantCensus.Result census, Duration cut, OutageFigures.Result duringCut, int reconnects,
            double internalErrors, Duration readyAfterRestore) {
        public String verdict() {
            return census.verdict() + "; Kubernetes API " + (fault == Fault.CUT ? "cut " : "stalled ") + cut.toSeconds() + " s mid-burst; " + duringCut.describe()
                    + "; " + reconnects + " connections through the proxy after the restore; internal errors " + (long) internalErrors + "; all Ready "
                    + String.format("%.1f", readyAfterRestore.toMillis() / 1000.0) + " s after the restore";
        }
    }

    private ApiCutChaos() {
    }

    public static Outcome run(int tenants, Duration cut, Duration converge) throws Exception {
        return run(Fault.CUT, tenants, cut, converge);
    }

    public static Outcome run(Fault fault, int tenants, Duration cut, Duration converge) throws Exception {
        String prefix = "ac" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("veroforge-apicut");
        try (StandaloneLocalApi api = StandaloneLocalApi.start(0, dir.resolve("kubeconfig"));
             KubernetesClient client = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder().withMasterUrl(api.url()).build()).build();
             ScratchDatabase db = ScratchDatabase.create("vf_apicut_" + ProcessHandle.current().pid(), prefix);
             FaultProxy proxy = new FaultProxy("127.0.0.1", URI.create(api.url()).getPort());
             DeployedOperator operator = DeployedOperator.start("chaos-apicut", "http://127.0.0.1:" + proxy.port(), db.name(),
                     dir.resolve("git"), Map.of("veroforge.metrics.per-resource", "true",
                             "veroforge.leader-election.enabled", "false"))) {
            TenantCensus census = new TenantCensus(client, db, prefix);
            int firstHalf = tenants / 2;
            for (int i = 0; i < firstHalf; i++) {
                client.resource(TenantCensus.basicTenant(prefix + "-" + i)).create();
            }
            Thread.sleep(1_500); // mid-burst
            OutageFigures figures = OutageFigures.from(operator);
            proxy.inject(fault);
            long cutAt = System.nanoTime();
            for (int i = firstHalf; i < tenants; i++) {
                client.resource(TenantCensus.basicTenant(prefix + "-" + i)).create();
            }
            figures.during(cut.minus(Duration.ofNanos(System.nanoTime() - cutAt)).minusMillis(500));
            OutageFigures.Result duringCut = figures.now(prefix);
            Thread.sleep(Math.max(0, cut.toMillis() - Duration.ofNanos(System.nanoTime() - cutAt).toMillis()));
            int connectionsBefore = proxy.connectionsAccepted();
            proxy.restore();
            long restoredAt = System.nanoTime();
            long deadline = restoredAt + converge.toNanos();
            while (census.ready() < tenants && System.nanoTime() < deadline && operator.alive()) {
                Thread.sleep(250);
            }
            Duration readyAfter = Duration.ofNanos(System.nanoTime() - restoredAt);
            return new Outcome(fault, census.count(tenants), cut, duringCut, proxy.connectionsAccepted() - connectionsBefore,
                    operator.metric("veroforge_internal_errors_total"), readyAfter);
        }
    }

    /** {@code -Dchaos.tenants=200 -Dchaos.cut-seconds=60 -Dchaos.api-fault=cut|stall}; exits 1 unless the census is clean. */
    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("chaos.tenants", 200);
        Duration cut = Duration.ofSeconds(Long.getLong("chaos.cut-seconds", 60L));
        Fault fault = Fault.fromProperty("chaos.api-fault");
        Outcome outcome = run(fault, tenants, cut, Duration.ofMinutes(10));
        System.out.println("api " + fault.name().toLowerCase(java.util.Locale.ROOT) + " (" + tenants + " tenants): " + outcome.verdict());
        System.exit(outcome.census().clean() ? 0 : 1);
    }
}
