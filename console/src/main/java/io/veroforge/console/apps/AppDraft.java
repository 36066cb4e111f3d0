package io.veroforge.console.apps;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecSpec;
import io.veroforge.api.v1alpha1.ApprovalPolicy;
import io.veroforge.api.v1alpha1.ApprovalSpec;
import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.console.writes.DraftRefused;
import io.veroforge.console.writes.FieldProblem;

/**
 * The new-app form's fields, turned into the AppSpec they describe, in the Tenant's namespace. Entities are given
 * by name (the resolver infers their fields from the vertical and the requirements); everything else is passed
 * through as typed, so that the API server's dry-run (CRD schema, CEL rules) says what is wrong and where.
 */
public record AppDraft(String name, String vertical, String requirements, String entities, String approvalPolicy) {

    /** The approval policies as the API spells them (manual, auto, auto-unless-risky). */
    public static List<String> policies() {
        return Arrays.stream(ApprovalPolicy.values()).map(AppDraft::spelled).toList();
    }

    public AppSpec toAppSpec(String namespace) {
        AppSpecSpec spec = new AppSpecSpec();
        spec.setVertical(blankToNull(vertical));
        spec.setRequirements(blankToNull(requirements));
        spec.setEntities(entityNames().stream().map(AppDraft::entity).collect(Collectors.toList()));
        ApprovalSpec approval = new ApprovalSpec();
        approval.setPolicy(policy(approvalPolicy));
        spec.setApproval(approval);
        AppSpec app = new AppSpec();
        app.setMetadata(new ObjectMetaBuilder().withName(name == null ? "" : name.trim()).withNamespace(namespace).build());
        app.setSpec(spec);
        return app;
    }

    public String yaml(String namespace) {
        return yaml(toAppSpec(namespace));
    }

    /** Kept in one place so the YAML shown is exactly the object sent. */
    static String yaml(AppSpec app) {
        app.setApiVersion("veroforge.io/v1alpha1");
        app.setKind("AppSpec");
        return Serialization.asYaml(app);
    }

    public static AppDraft of(AppSpec app) {
        AppSpecSpec spec = app.getSpec() == null ? new AppSpecSpec() : app.getSpec();
        ApprovalPolicy policy = spec.getApproval() == null || spec.getApproval().getPolicy() == null
                ? ApprovalPolicy.AUTO_UNLESS_RISKY : spec.getApproval().getPolicy();
        return new AppDraft(app.getMetadata().getName(), spec.getVertical(), spec.getRequirements(),
                spec.getEntities().stream().map(EntitySpec::getName).collect(Collectors.joining(", ")), spelled(policy));
    }

    private List<String> entityNames() {
        if (entities == null || entities.isBlank()) {
            return List.of();
        }
        return Arrays.stream(entities.split("[,\\s]+")).filter(n -> !n.isBlank()).toList();
    }

    private static EntitySpec entity(String name) {
        EntitySpec entity = new EntitySpec();
        entity.setName(name);
        return entity;
    }

    private static ApprovalPolicy policy(String value) {
        if (value == null || value.isBlank()) {
            return ApprovalPolicy.AUTO_UNLESS_RISKY;
        }
        for (ApprovalPolicy policy : ApprovalPolicy.values()) {
            if (spelled(policy).equals(value.trim())) {
                return policy;
            }
        }
        throw new DraftRefused(new FieldProblem("spec.approval.policy", "'" + value + "' is not one of " + policies()));
    }

    static String spelled(ApprovalPolicy policy) {
        return switch (policy) {
            case MANUAL -> "manual";
            case AUTO -> "auto";
            case AUTO_UNLESS_RISKY -> "auto-unless-risky";
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
