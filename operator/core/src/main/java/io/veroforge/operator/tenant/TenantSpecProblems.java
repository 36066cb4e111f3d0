package io.veroforge.operator.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Quantity;
import io.veroforge.api.v1alpha1.ContainerLimits;
import io.veroforge.api.v1alpha1.ResourcePair;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantQuota;

/**
 * The checks the CRD already makes, made again before anything is created. The API server
 * enforces them in a real cluster, but a Tenant can reach the operator without them (an older
 * CRD, a test API server, a manifest written straight to etcd), and a bad name must never
 * reach a namespace or an SQL statement.
 */
final class TenantSpecProblems {
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");
    static final int MAX_NAME = 40;

    private TenantSpecProblems() {
    }

    /** Whether the name may reach a namespace or an SQL statement at all. */
    static boolean nameIsSafe(Tenant tenant) {
        String name = tenant.getMetadata().getName();
        return name != null && NAME.matcher(name).matches() && name.length() <= MAX_NAME;
    }

    static List<String> of(Tenant tenant) {
        List<String> problems = new ArrayList<>();
        String name = tenant.getMetadata().getName();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("metadata.name: \"" + name + "\" must be lower-case letters, digits and '-', start with a letter and end with a letter or digit (e.g. acme-pest)");
        } else if (name.length() > MAX_NAME) {
            problems.add("metadata.name: " + name.length() + " characters; at most " + MAX_NAME + " so that tenant-<name> and the database names stay within limits");
        }
        if (tenant.getSpec() == null) {
            problems.add("spec: required; set at least spec.tier and spec.owners");
            return problems;
        }
        if (tenant.getSpec().getTier() == null) {
            problems.add("spec.tier: required; one of basic, pro, enterprise");
        } else {
            ProvisionedTier.of(tenant).filter(provisioned -> provisioned != tenant.getSpec().getTier())
                    .ifPresent(provisioned -> problems.add("spec.tier: \"" + tenant.getSpec().getTier()
                            + "\" but the data was provisioned as " + provisioned + " (status.database); spec.tier is immutable,"
                            + " moving data between tiers is a migration: set it back to " + provisioned + " or create a new Tenant"));
        }
        if (tenant.getSpec().getOwners().isEmpty()) {
            problems.add("spec.owners: at least one owner (kind User, Group or ServiceAccount, and name) is required");
        }
        for (int i = 0; i < tenant.getSpec().getOwners().size(); i++) {
            TenantOwner owner = tenant.getSpec().getOwners().get(i);
            if (owner.getKind() == null || owner.getName() == null || owner.getName().isBlank()) {
                problems.add("spec.owners[" + i + "]: kind (User, Group or ServiceAccount) and name are required");
            } else if (owner.getKind() == TenantOwner.OwnerKind.ServiceAccount && owner.getNamespace() == null) {
                problems.add("spec.owners[" + i + "].namespace: required for a ServiceAccount owner");
            }
        }
        quantityProblems(tenant, problems);
        if (tenant.getSpec().getTtl() != null && TenantExpiry.parse(tenant.getSpec().getTtl()).isEmpty()) {
            problems.add("spec.ttl: \"" + tenant.getSpec().getTtl() + "\" is not a duration like 72h, 7d or 1h30m");
        }
        return problems;
    }

    /**
     * Every quantity the dependents turn into a ResourceQuota, LimitRange or Cluster. The CRD's
     * int-or-string type accepts any string, and Fabric8 only parses a Quantity when it is compared,
     * so an unparseable one would otherwise surface as a NumberFormatException on every retry.
     */
    private static void quantityProblems(Tenant tenant, List<String> problems) {
        TenantQuota quota = tenant.getSpec().getQuota();
        if (quota != null) {
            checkQuantity("spec.quota.cpu", quota.getCpu(), "500m or 2", problems);
            checkQuantity("spec.quota.memory", quota.getMemory(), "512Mi or 4Gi", problems);
            checkQuantity("spec.quota.storage", quota.getStorage(), "10Gi", problems);
            if (quota.getPods() != null && quota.getPods() < 0) {
                problems.add("spec.quota.pods: " + quota.getPods() + " is negative; use 0 or more");
            }
        }
        ContainerLimits limits = tenant.getSpec().getLimits();
        if (limits != null) {
            checkPair("spec.limits.defaultRequest", limits.getDefaultRequest(), problems);
            checkPair("spec.limits.defaultLimit", limits.getDefaultLimit(), problems);
            checkPair("spec.limits.max", limits.getMax(), problems);
        }
        if (tenant.getSpec().getDatabase() != null) {
            checkQuantity("spec.database.storage", tenant.getSpec().getDatabase().getStorage(), "10Gi", problems);
        }
    }

    private static void checkPair(String path, ResourcePair pair, List<String> problems) {
        if (pair != null) {
            checkQuantity(path + ".cpu", pair.getCpu(), "500m or 2", problems);
            checkQuantity(path + ".memory", pair.getMemory(), "512Mi or 4Gi", problems);
        }
    }

    private static void checkQuantity(String path, Quantity quantity, String example, List<String> problems) {
        if (quantity == null) {
            return;
        }
        String written = quantity.getFormat() == null || quantity.getFormat().isEmpty()
                ? quantity.getAmount() : quantity.getAmount() + quantity.getFormat();
        try {
            if (Quantity.getAmountInBytes(quantity).signum() < 0) {
                problems.add(path + ": \"" + written + "\" is negative; use a positive quantity such as " + example);
            }
        } catch (RuntimeException e) { // NumberFormatException, IllegalArgumentException, ArithmeticException
            problems.add(path + ": \"" + written + "\" is not a Kubernetes quantity; write a number with an optional suffix,"
                    + " such as " + example);
        }
    }
}
