package io.veroforge.operator.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;

/**
 * Counts what the platform made for a run's tenants, in the API and in PostgreSQL, so a verdict
 * can say "500/500 Ready, 0 duplicates, 0 lost" and mean it: every count comes from the stores,
 * and every credentials Secret is tried against the database it names.
 */
public final class TenantCensus {
    private final KubernetesClient client;
    private final ScratchDatabase database;
    private final String prefix;

    public TenantCensus(KubernetesClient client, ScratchDatabase database, String prefix) {
        this.client = client;
        this.database = database;
        this.prefix = prefix;
    }

    /** A basic-tier Tenant with one owner, as a user would apply it. */
    public static Tenant basicTenant(String name) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        TenantSpec spec = new TenantSpec();
        spec.setTier(Tier.basic);
        spec.getOwners().add(new TenantOwner(TenantOwner.OwnerKind.User, "owner@" + name + ".example", null));
        tenant.setSpec(spec);
        return tenant;
    }

    public List<Tenant> tenants() {
        return client.resources(Tenant.class).list().getItems().stream()
                .filter(t -> t.getMetadata().getName().startsWith(prefix)).toList();
    }

    public long ready() {
        return tenants().stream().filter(t -> t.getStatus() != null && t.getStatus().isTrue("Ready")).count();
    }

    /** What was found; {@link Result#verdict} sums it up in one line. */
    public Result count(int expected) throws SQLException {
        List<Tenant> tenants = tenants();
        long ready = tenants.stream().filter(t -> t.getStatus() != null && t.getStatus().isTrue("Ready")).count();
        List<String> namespaces = client.namespaces().list().getItems().stream().map(n -> n.getMetadata().getName())
                .filter(n -> n.startsWith("tenant-" + prefix)).toList();
        List<Secret> secrets = client.secrets().inAnyNamespace().list().getItems().stream()
                .filter(s -> s.getMetadata().getNamespace().startsWith("tenant-" + prefix)).toList();
        Map<String, Long> secretsPerNamespace = perNamespace(secrets);
        Map<String, Long> bindingsPerNamespace = perNamespace(client.rbac().roleBindings().inAnyNamespace().list().getItems()
                .stream().filter(b -> b.getMetadata().getNamespace().startsWith("tenant-" + prefix)).toList());
        List<String> cannotLogIn = new ArrayList<>();
        for (Secret secret : secrets) {
            if ("veroforge-db-credentials".equals(secret.getMetadata().getName()) && !logsIn(secret)) {
                cannotLogIn.add(secret.getMetadata().getNamespace());
            }
        }
        long credentials = secrets.stream().filter(s -> "veroforge-db-credentials".equals(s.getMetadata().getName())).count();
        List<String> notReady = tenants.stream().filter(t -> t.getStatus() == null || !t.getStatus().isTrue("Ready"))
                .map(TenantCensus::describe).toList();
        return new Result(expected, tenants.size(), ready, notReady, namespaces.size(), database.tenantSchemas().size(),
                database.tenantLoginRoles().size(), credentials, cannotLogIn, secretsPerNamespace, bindingsPerNamespace);
    }

    /** A Tenant that is not Ready, as an SRE would first read it: its name and every condition not True. */
    private static String describe(Tenant tenant) {
        if (tenant.getStatus() == null) {
            return tenant.getMetadata().getName() + ": no status (generation " + tenant.getMetadata().getGeneration() + ")";
        }
        return tenant.getMetadata().getName() + ": " + tenant.getStatus().getConditions().stream()
                .filter(c -> !"True".equals(c.getStatus()))
                .map(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason() + " " + c.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static Map<String, Long> perNamespace(List<? extends HasMetadata> objects) {
        return objects.stream().collect(Collectors.groupingBy(o -> o.getMetadata().getNamespace(), TreeMap::new,
                Collectors.counting()));
    }

    private static boolean logsIn(Secret secret) {
        Function<String, String> value = key -> secret.getData() != null && secret.getData().get(key) != null
                ? new String(Base64.getDecoder().decode(secret.getData().get(key)))
                : secret.getStringData() == null ? null : secret.getStringData().get(key);
        try (Connection c = DriverManager.getConnection(value.apply("jdbc-url"), value.apply("username"), value.apply("password"))) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The census. Duplicates: namespaces whose Secret or RoleBinding count differs from the most common one. */
    public record Result(int expected, int tenants, long ready, List<String> notReady, int namespaces, int schemas, int loginRoles, long credentials,
            List<String> cannotLogIn, Map<String, Long> secretsPerNamespace, Map<String, Long> bindingsPerNamespace) {

        public long duplicates() {
            return Math.max(0, namespaces - expected) + Math.max(0, schemas - expected) + Math.max(0, loginRoles - expected)
                    + Math.max(0, credentials - expected) + unusual(secretsPerNamespace) + unusual(bindingsPerNamespace);
        }

        public long lost() {
            return Math.max(0, expected - ready) + Math.max(0, expected - namespaces) + Math.max(0, expected - schemas)
                    + Math.max(0, expected - loginRoles) + Math.max(0, expected - credentials) + cannotLogIn.size();
        }

        public boolean clean() {
            return tenants == expected && ready == expected && duplicates() == 0 && lost() == 0;
        }

        public String verdict() {
            return ready + "/" + expected + " Ready, " + duplicates() + " duplicates, " + lost() + " lost (namespaces "
                    + namespaces + ", schemas " + schemas + ", login roles " + loginRoles + ", credentials Secrets " + credentials
                    + ", credentials that do not log in " + cannotLogIn.size() + ")"
                    + (notReady.isEmpty() ? "" : "; not Ready: " + String.join(" | ", notReady.subList(0, Math.min(5, notReady.size()))));
        }

        private static long unusual(Map<String, Long> perNamespace) {
            Map<Long, Long> byCount = perNamespace.values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long usual = byCount.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0L);
            return perNamespace.values().stream().filter(c -> c > usual).mapToLong(c -> c - usual).sum();
        }
    }
}
