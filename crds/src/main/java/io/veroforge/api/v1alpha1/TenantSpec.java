package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What a platform engineer declares for a tenant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.database) || !has(self.database.instances) || self.tier == 'enterprise'",
        message = "spec.database.instances: only an enterprise tenant gets its own PostgreSQL cluster; remove instances or use tier: enterprise")
public class TenantSpec {

    @Size(max = 100)
    @JsonPropertyDescription("Human-readable name shown in the console.")
    private String displayName;

    @Required
    @ValidationRule(value = "self == oldSelf",
            message = "spec.tier is immutable: moving data between tiers is a migration; create a new Tenant instead")
    @JsonPropertyDescription("basic: a schema on the shared PostgreSQL; pro: a dedicated database; enterprise: a dedicated PostgreSQL cluster (CloudNativePG). Immutable.")
    private Tier tier;

    @Required
    @Size(min = 1, max = 20)
    @JsonPropertyDescription("Who administers the tenant namespace: each gets the veroforge-tenant-admin ClusterRole there.")
    private List<TenantOwner> owners = new ArrayList<>();

    @JsonPropertyDescription("Hard limits for the tenant namespace (a ResourceQuota).")
    private TenantQuota quota;

    @JsonPropertyDescription("Per-container defaults and maxima (a LimitRange).")
    private ContainerLimits limits;

    @JsonPropertyDescription("Network isolation: ingress from other namespaces is denied except from these.")
    private NetworkIsolation network;

    @JsonPropertyDescription("Compliance regimes that apply to every app of the tenant.")
    private ComplianceFlags compliance;

    @JsonPropertyDescription("Database settings; instances and storage apply to the enterprise tier.")
    private TenantDatabaseSpec database;

    @Default("Retain")
    @JsonPropertyDescription("Retain (default): deleting the Tenant removes the namespace but keeps the data and disables the login role. Delete: drops the schema, database and role too.")
    private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

    @Pattern("^([0-9]+(s|m|h|d))+$")
    @Size(max = 16)
    @JsonPropertyDescription("Lifetime of a demo tenant, e.g. 72h or 7d; the operator deletes the Tenant when it expires (counted from creation).")
    private String ttl;

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Tier getTier() {
        return tier;
    }

    public void setTier(Tier tier) {
        this.tier = tier;
    }

    public List<TenantOwner> getOwners() {
        return owners;
    }

    public void setOwners(List<TenantOwner> owners) {
        this.owners = owners == null ? new ArrayList<>() : owners;
    }

    public TenantQuota getQuota() {
        return quota;
    }

    public void setQuota(TenantQuota quota) {
        this.quota = quota;
    }

    public ContainerLimits getLimits() {
        return limits;
    }

    public void setLimits(ContainerLimits limits) {
        this.limits = limits;
    }

    public NetworkIsolation getNetwork() {
        return network;
    }

    public void setNetwork(NetworkIsolation network) {
        this.network = network;
    }

    public ComplianceFlags getCompliance() {
        return compliance;
    }

    public void setCompliance(ComplianceFlags compliance) {
        this.compliance = compliance;
    }

    public TenantDatabaseSpec getDatabase() {
        return database;
    }

    public void setDatabase(TenantDatabaseSpec database) {
        this.database = database;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }
}
