package io.veroforge.api.v1alpha1;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the operator reports for a tenant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantStatus extends ConditionedStatus {
    private String namespace;
    private TenantDatabaseStatus database;
    private String credentialsSecret;
    /** Quota usage as {@code used/hard} per resource, e.g. {@code cpu: 500m/4}. */
    private Map<String, String> quotaUsage = new TreeMap<>();
    /** When a tenant with a TTL is deleted by the operator (RFC 3339). */
    private String expiresAt;

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public TenantDatabaseStatus getDatabase() {
        return database;
    }

    public void setDatabase(TenantDatabaseStatus database) {
        this.database = database;
    }

    public String getCredentialsSecret() {
        return credentialsSecret;
    }

    public void setCredentialsSecret(String credentialsSecret) {
        this.credentialsSecret = credentialsSecret;
    }

    public Map<String, String> getQuotaUsage() {
        return quotaUsage;
    }

    public void setQuotaUsage(Map<String, String> quotaUsage) {
        this.quotaUsage = quotaUsage == null ? new TreeMap<>() : new TreeMap<>(quotaUsage);
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }
}
