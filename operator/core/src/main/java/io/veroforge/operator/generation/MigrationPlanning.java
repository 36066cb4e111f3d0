package io.veroforge.operator.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import io.veroforge.api.v1alpha1.CompressedJson;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.api.v1alpha1.MigrationPhase;
import io.veroforge.api.v1alpha1.MigrationStep;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.generator.migrate.MigrationPlanner;
import io.veroforge.generator.migrate.PlannedStep;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.Marker;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.db.AppDatabase;
import io.veroforge.operator.db.AppSchemaName;
import io.veroforge.operator.db.SharedPostgres;
import io.veroforge.operator.db.TenantDatabaseNames;
import io.veroforge.operator.delivery.DeliveryException;
import io.veroforge.operator.platform.TenantDatabaseSecret;

/**
 * Plans a Generation's migration from what the app's schema holds (the deployed Generation's model,
 * plus what Generations that never served left in it: {@link SchemaLineage}) to its own, before approval, so the person approving sees exactly the SQL that will run; the
 * Migrate stage applies that recorded plan and nothing else.
 */
@ApplicationScoped
public class MigrationPlanning {
    private final SharedPostgres server;
    private final PlatformConfig config;

    public MigrationPlanning(SharedPostgres server, PlatformConfig config) {
        this.server = server;
        this.config = config;
    }

    MigrationPlan plan(GenerationRun run, List<Generation> siblings) {
        SchemaLineage schema = SchemaLineage.of(run, siblings);
        List<PlannedStep> steps = new ArrayList<>();
        List<String> alreadyApplied = new ArrayList<>();
        List<PlannedStep> inSchema = new ArrayList<>();
        for (PlannedStep step : MigrationPlanner.plan(schema.base(), GeneratedCode.modelOf(run.generation())).steps()) {
            if (schema.alreadyApplied(step)) {
                alreadyApplied.add(step.description());
                inSchema.add(step);
            } else {
                steps.add(step);
            }
        }
        MigrationPlan plan = new MigrationPlan();
        plan.setSteps(steps.stream().map(MigrationPlanning::recorded).toList());
        plan.setCompressedSql(CompressedJson.encode(steps.stream().map(s -> s.sql()).toList()));
        plan.setFrom(schema.deployed().map(g -> g.getMetadata().getName()).orElse(null));
        plan.setUnservedMigrations(schema.unserved().isEmpty() ? null : schema.unserved());
        plan.setAlreadyApplied(alreadyApplied.isEmpty() ? null : alreadyApplied);
        List<String> leftovers = schema.leftoversAfter(inSchema);
        plan.setCompressedLeftoverSql(leftovers.isEmpty() ? null : CompressedJson.encode(leftovers));
        AppTenant.of(run.client(), run.namespace())
                .ifPresent(t -> plan.setSchema(AppSchemaName.of(TenantDatabaseNames.of(t.name()).schema(), run.app()).value()));
        return plan;
    }

    /** PHI and card-data fields added, removed or changed since the deployed model: risky under auto-unless-risky. */
    List<String> sensitiveFieldChanges(GenerationRun run, List<Generation> siblings) {
        Optional<Generation> deployed = DeployedGeneration.otherThan(run.name(), siblings);
        if (deployed.isEmpty()) {
            return List.of(); // a first deployment creates sensitive columns but changes no data
        }
        Map<String, Field> before = sensitive(GeneratedCode.modelOf(deployed.get()));
        Map<String, Field> after = sensitive(GeneratedCode.modelOf(run.generation()));
        List<String> changes = new ArrayList<>();
        for (var e : after.entrySet()) {
            Field old = before.get(e.getKey());
            if (old == null) {
                changes.add("sensitive field " + e.getKey() + " added");
            } else if (!sameShape(old, e.getValue())) {
                changes.add("sensitive field " + e.getKey() + " changed");
            }
        }
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> changes.add("sensitive field " + k + " removed"));
        return changes;
    }

    /** Where the app's schema lives: the shared server (basic, pro) or the tenant's own cluster (enterprise). */
    AppDatabase target(AppTenant tenant, String app, KubernetesClient client) {
        if (tenant.tenant().getSpec().getTier() != Tier.enterprise) {
            return AppDatabase.on(server, tenant.name(), tenant.tenant().getMetadata().getUid(), tenant.tenant().getSpec().getTier(), app);
        }
        String url = config.postgres().clusterJdbcUrl().replace("{cluster}", TenantDatabaseSecret.DATABASE_CLUSTER)
                .replace("{namespace}", tenant.tenant().namespaceName());
        Secret credentials = client.secrets().inNamespace(tenant.tenant().namespaceName()).withName(TenantDatabaseSecret.NAME).get();
        String password = credentials == null ? null : TenantDatabaseSecret.password(credentials);
        if (password == null) {
            throw new DeliveryException("Secret " + TenantDatabaseSecret.NAME + " in " + tenant.tenant().namespaceName()
                    + " has no password; the Tenant reconciler writes it — check the Tenant's status");
        }
        return AppDatabase.inCluster(url, tenant.name(), password, app);
    }

    static io.veroforge.generator.migrate.MigrationPlan toGenerator(MigrationPlan recorded) {
        List<String> sql = recorded.sqlOfSteps();
        List<PlannedStep> steps = new ArrayList<>();
        for (int i = 0; i < sql.size(); i++) {
            MigrationStep s = recorded.getSteps().get(i);
            steps.add(new PlannedStep(s.getDescription(), sql.get(i), Boolean.TRUE.equals(s.getDestructive()),
                    planned(s.phaseOrDerived())));
        }
        return new io.veroforge.generator.migrate.MigrationPlan(steps);
    }

    private static MigrationStep recorded(PlannedStep planned) {
        MigrationStep step = new MigrationStep(planned.description(), null, planned.destructive());
        step.setPhase(switch (planned.phase()) {
            case EXPAND -> MigrationPhase.Expand;
            case CONTRACT -> MigrationPhase.Contract;
            case IN_PLACE -> MigrationPhase.InPlace;
        });
        return step;
    }

    private static PlannedStep.Phase planned(MigrationPhase phase) {
        return switch (phase) {
            case Expand -> PlannedStep.Phase.EXPAND;
            case Contract -> PlannedStep.Phase.CONTRACT;
            case InPlace -> PlannedStep.Phase.IN_PLACE;
        };
    }

    private static Map<String, Field> sensitive(ResolvedModel model) {
        return model.entities().stream().flatMap((Entity e) -> e.fields().stream())
                .filter(f -> f.has(Marker.PHI) || f.has(Marker.CARD_DATA))
                .collect(Collectors.toMap(f -> f.entity() + "." + f.name(), Function.identity(), (a, b) -> a));
    }

    private static boolean sameShape(Field a, Field b) {
        return a.type() == b.type() && a.required() == b.required() && Objects.equals(a.markers(), b.markers()) && a.storage() == b.storage();
    }
}
