package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a tenant's data lives, for humans and for the apps generated for it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantDatabaseStatus {
    /** Schema, Database or Cluster. */
    private String kind;
    private String host;
    private Integer port;
    private String database;
    private String schema;
    private String role;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
