package io.veroforge.console.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.SimilarApp;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.api.v1alpha1.StageStatus;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.api.v1alpha1.TenantStatus;
import io.veroforge.console.Apps;
import io.veroforge.console.Canaries;
import io.veroforge.console.Tenants;

/**
 * The benchmark's cluster: {@code tenants} Tenants owned by the benchmark user (and a fifth as many of another
 * company, so the owner filter has something to drop), two apps each, and {@code generations} Generations with the
 * statuses the operator writes — a full stage timeline, conditions, migration plan and findings (the example's) —
 * most of them finished, the newest of each app waiting for approval. The first Tenant's first app is the one the
 * pages are measured on: it holds a tenth of the Generations and a few Canaries mid-rollout.
 */
final class BenchmarkData {
    static final String MEASURED_TENANT = "bench-000";
    static final String MEASURED_APP = "shop";
    static final int APPS_PER_TENANT = 2;
    static final int CANARIES = 5;

    private BenchmarkData() {
    }

    /** Fills the API; returns the name of the measured app's newest Generation. */
    static String fill(KubernetesClient admin, String owner, int tenants, int generations) {
        for (int t = 0; t < tenants + tenants / 5; t++) {
            boolean ours = t < tenants;
            String name = ours ? tenantName(t) : String.format("other-%03d", t);
            Tenant tenant = Tenants.ownedBy(name, OwnerKind.User, ours ? owner : "someone@globex.example.com");
            tenant = admin.resource(tenant).create();
            tenant.setStatus(tenantStatus(name, tenant.getMetadata().getGeneration(), t));
            admin.resource(tenant).updateStatus();
        }
        List<String[]> apps = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            for (int a = 0; a < APPS_PER_TENANT; a++) {
                apps.add(new String[] { "tenant-" + tenantName(t), a == 0 ? MEASURED_APP : "booking" });
            }
        }
        int measuredShare = generations / 10;
        int[] perApp = new int[apps.size()];
        perApp[0] = measuredShare;
        for (int g = 0; g < generations - measuredShare; g++) {
            perApp[1 + g % (apps.size() - 1)]++;
        }
        String newestOfMeasured = null;
        for (int i = 0; i < apps.size(); i++) {
            String namespace = apps.get(i)[0];
            String app = apps.get(i)[1];
            createApp(admin, namespace, app, perApp[i]);
            for (int g = 1; g <= perApp[i]; g++) {
                createGeneration(admin, namespace, app, app + "-" + g, g == perApp[i]);
            }
            if (i == 0) {
                newestOfMeasured = app + "-" + perApp[i];
            }
        }
        for (int c = 0; c < CANARIES; c++) {
            String generation = MEASURED_APP + "-" + (perApp[0] - c);
            Canaries.ensureRollout("tenant-" + MEASURED_TENANT, MEASURED_APP, generation);
            Canaries.report("tenant-" + MEASURED_TENANT, generation, Canaries::progressingAtStepTwo);
        }
        return newestOfMeasured;
    }

    static String tenantName(int t) {
        return String.format("bench-%03d", t);
    }

    private static TenantStatus tenantStatus(String name, Long generation, int t) {
        TenantStatus status = new TenantStatus();
        status.setNamespace("tenant-" + name);
        status.setCredentialsSecret(name + "-db-credentials");
        Map<String, String> usage = new TreeMap<>(Map.of("requests.cpu", "1200m/4", "requests.memory", "2Gi/8Gi", "pods", "9/50"));
        status.setQuotaUsage(usage);
        boolean failing = t % 17 == 5;
        status.setObservedGeneration(generation);
        status.setConditions(conditions(generation,
                "NamespaceReady", "True", "Provisioned", "namespace tenant-" + name + " with quota, limits and network policy",
                "DatabaseReady", failing ? "False" : "True", failing ? "DatabaseUnavailable" : "Provisioned",
                failing ? "cannot reach PostgreSQL at postgres:5432 (connection refused); retrying" : "schema tenant_" + name.replace('-', '_') + " with row-level security",
                "Ready", failing ? "False" : "True", failing ? "DatabaseUnavailable" : "Ready", failing ? "the database is not ready" : "all dependents ready"));
        return status;
    }

    private static void createApp(KubernetesClient admin, String namespace, String name, int generations) {
        AppSpecSpec spec = new AppSpecSpec();
        spec.setVertical("field-service");
        spec.setRequirements("Customers book inspections; technicians visit, treat and note what they treated; we invoice each visit.");
        spec.setEntities(new ArrayList<>(List.of(new EntitySpec("Customer"), new EntitySpec("ServiceVisit"), new EntitySpec("Invoice"))));
        AppSpec app = new AppSpec();
        app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        app.setSpec(spec);
        app = admin.resource(app).create();
        AppSpecStatus status = new AppSpecStatus();
        Long generation = app.getMetadata().getGeneration();
        status.setObservedGeneration(generation);
        status.setLatestGeneration(generations == 0 ? null : name + "-" + generations);
        status.setDeployedGeneration(generations < 2 ? null : name + "-" + (generations - 1));
        status.setSimilarApps(List.of(new SimilarApp(MEASURED_APP.equals(name) ? "booking" : MEASURED_APP, 0.612)));
        status.setConditions(conditions(generation,
                "Resolved", "True", "Resolved", "4 entities (1 inferred), 3 roles, 2 workflows",
                "Ready", "True", "GenerationRecorded", "Generation " + name + "-" + generations + " records the current spec",
                "Deployed", "False", "AwaitingApproval", name + "-" + generations + ": waiting for approval (risky)"));
        app.setStatus(status);
        admin.resource(app).updateStatus();
    }

    private static void createGeneration(KubernetesClient admin, String namespace, String app, String name, boolean newest) {
        Generation generation = Apps.example();
        GenerationStatus status = generation.getStatus();
        generation.setStatus(null);
        generation.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(Map.of(Generation.APPSPEC_LABEL, app)).build());
        generation.getSpec().getAppSpec().setName(app);
        Generation created = admin.resource(generation).create();
        if (!newest) {
            finished(status);
        }
        created.setStatus(status);
        admin.resource(created).updateStatus();
    }

    /** An older Generation: every stage ran, the approval was given, it was deployed and then superseded. */
    private static void finished(GenerationStatus status) {
        status.setPhase(GenerationPhase.Succeeded);
        status.setStage(StageName.values()[StageName.values().length - 1]);
        for (StageStatus stage : status.getStages()) {
            if (stage.getState() != StageState.Succeeded) {
                stage.setState(StageState.Succeeded);
                stage.setStartedAt(stage.getStartedAt() == null ? "2025-06-12T09:20:00Z" : stage.getStartedAt());
                stage.setFinishedAt("2025-06-12T09:24:00Z");
            }
        }
        if (status.getConditions() != null) {
            status.getConditions().forEach(c -> {
                c.setStatus("True");
                c.setReason("Succeeded");
                c.setMessage("every stage succeeded");
            });
        }
    }

    private static List<Condition> conditions(Long observed, String... fours) {
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i + 3 < fours.length; i += 4) {
            conditions.add(new ConditionBuilder().withType(fours[i]).withStatus(fours[i + 1]).withReason(fours[i + 2])
                    .withMessage(fours[i + 3]).withLastTransitionTime(Instant.now().toString())
                    .withObservedGeneration(observed).build());
        }
        return conditions;
    }
}
