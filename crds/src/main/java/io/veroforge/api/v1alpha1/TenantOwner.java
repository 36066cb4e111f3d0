package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A subject that administers a tenant: an RBAC subject of kind User, Group or ServiceAccount. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.kind != 'ServiceAccount' || has(self.__namespace__)",
        message = "spec.owners[].namespace is required for a ServiceAccount owner")
@ValidationRule(value = "self.kind == 'ServiceAccount' || !has(self.__namespace__)",
        message = "spec.owners[].namespace applies only to a ServiceAccount owner; remove it")
public class TenantOwner {

    @Required
    private OwnerKind kind;

    @Required
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("User or group name as your identity provider reports it, or the ServiceAccount name.")
    private String name;

    @Size(max = 63)
    @JsonPropertyDescription("Namespace of a ServiceAccount owner.")
    private String namespace;

    public TenantOwner() {
    }

    public TenantOwner(OwnerKind kind, String name, String namespace) {
        this.kind = kind;
        this.name = name;
        this.namespace = namespace;
    }

    public OwnerKind getKind() {
        return kind;
    }

    public void setKind(OwnerKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public enum OwnerKind {
        User, Group, ServiceAccount
    }
}
