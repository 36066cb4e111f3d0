package io.veroforge.operator.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.localapi.StandaloneLocalApi;
import io.veroforge.operator.reliability.FaultProxy.Fault;

/**
 * PostgreSQL cut in the middle of a burst: the deployed operator reaches the machine's PostgreSQL
 * only through a {@link FaultProxy}; half the Tenants are applied, the proxy is cut (connections
 * refused, open ones closed) while they are being provisioned, the other half is applied during
 * the cut, and after {@code cut} the proxy is restored. While cut, the Tenants must say the
 * database is unavailable, the operator must stay up and back off; after it, every Tenant is
 * Ready once, with working credentials (the census).
 */
public final class PostgresCutChaos {

    /** What one run found. */
    public record Outcome(Fault fault, TenantCensus.Result census, Duration cut, Map<String, Integer> reasonsWhileCut, String sampleMessage,
            OutageFigures.Result duringCut, int attemptBound, Duration readyAfterRestore) {
        public String verdict() {
            return census.verdict() + "; PostgreSQL " + (fault == Fault.CUT ? "cut " : "stalled ") + cut.toSeconds() + " s mid-burst; while cut: Ready reasons " + reasonsWhileCut
                    + ", " + duringCut.describe() + " (bound " + attemptBound + "); all Ready "
                    + String.format("%.1f", readyAfterRestore.toMillis() / 1000.0) + " s after the restore";
        }
    }

    private PostgresCutChaos() {
    }

    public static Outcome run(int tenants, Duration cut, Duration converge) throws Exception {
        return run(Fault.CUT, tenants, cut, converge);
    }

    public static Outcome run(Fault fault, int tenants, Duration cut, Duration converge) throws Exception {
        String prefix = "pc" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("veroforge-pgcut");
        try (StandaloneLocalApi api = StandaloneLocalApi.start(0, dir.resolve("kubeconfig"));
             KubernetesClient client = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder().withMasterUrl(api.url()).build()).build();
             ScratchDatabase db = ScratchDatabase.create("vf_pgcut_" + ProcessHandle.current().pid(), prefix);
             FaultProxy proxy = new FaultProxy("127.0.0.1", 5432);
             DeployedOperator operator = DeployedOperator.start("chaos-pgcut", api.url(), db.name(), dir.resolve("git"), Map.of(
                     "veroforge.postgres.jdbc-url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name(),
                     "veroforge.metrics.per-resource", "true"))) {
            TenantCensus census = new TenantCensus(client, db, prefix);
            int firstHalf = tenants / 2;
            for (int i = 0; i < firstHalf; i++) {
                client.resource(TenantCensus.basicTenant(prefix + "-" + i)).create();
            }
            Thread.sleep(1_500); // mid-burst: some provisioned, some in flight, some not started
            proxy.inject(fault);
            long cutAt = System.nanoTime();
            for (int i = firstHalf; i < tenants; i++) {
                client.resource(TenantCensus.basicTenant(prefix + "-" + i)).create();
            }
            Thread.sleep(3_000); // the first failures are in: from here on it is the backoff's doing
            OutageFigures figures = OutageFigures.from(operator);
            Duration measured = cut.minus(Duration.ofNanos(System.nanoTime() - cutAt)).minusSeconds(1);
            figures.during(measured);
            Map<String, Integer> reasons = readyReasons(census);
            String sample = census.tenants().stream().map(PostgresCutChaos::ready).filter(c -> c != null && "False".equals(c.getStatus()))
                    .map(c -> c.getReason() + ": " + c.getMessage()).findFirst().orElse("");
            OutageFigures.Result duringCut = figures.now(prefix);
            Thread.sleep(Math.max(0, cut.toMillis() - Duration.ofNanos(System.nanoTime() - cutAt).toMillis()));
            proxy.restore();
            long restoredAt = System.nanoTime();
            long deadline = restoredAt + converge.toNanos();
            while (census.ready() < tenants && System.nanoTime() < deadline && operator.alive()) {
                Thread.sleep(250);
            }
            Duration readyAfter = Duration.ofNanos(System.nanoTime() - restoredAt);
            return new Outcome(fault, census.count(tenants), cut, reasons, sample, duringCut, OutageFigures.backoffBound(measured), readyAfter);
        }
    }

    /** How many Tenants show each Ready reason ({@code none} when not reconciled yet). */
    static Map<String, Integer> readyReasons(TenantCensus census) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (Tenant t : census.tenants()) {
            Condition ready = ready(t);
            reasons.merge(ready == null ? "none" : "True".equals(ready.getStatus()) ? "Ready" : ready.getReason(), 1, Integer::sum);
        }
        return reasons;
    }

    private static Condition ready(Tenant t) {
        return t.getStatus() == null ? null : t.getStatus().condition("Ready").orElse(null);
    }

    /** {@code -Dchaos.tenants=200 -Dchaos.cut-seconds=60 -Dchaos.db-fault=cut|stall}; exits 1 unless the census is clean. */
    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("chaos.tenants", 200);
        Duration cut = Duration.ofSeconds(Long.getLong("chaos.cut-seconds", 60L));
        Fault fault = Fault.fromProperty("chaos.db-fault");
        Outcome outcome = run(fault, tenants, cut, Duration.ofMinutes(10));
        System.out.println("postgres " + fault + " (" + tenants + " tenants): " + outcome.verdict());
        System.exit(outcome.census().clean() ? 0 : 1);
    }
}
