package io.veroforge.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.veroforge.operator.tenant.TenantObjects;

/**
 * The Helm chart in {@code helm/veroforge} is installable (strict lint, renders with and without an
 * existing PostgreSQL Secret) and matches the operator it installs: the operator's ClusterRole
 * grants exactly what the reconcilers declare plus the short hand-kept list below, the settings it
 * passes are ones the operator reads, and secrets only travel through Secrets.
 */
class HelmChartTest {
    private static final Path REPO = Path.of(System.getProperty("vf.repo.root", "../..")).toAbsolutePath().normalize();
    private static final Path CHART = REPO.resolve("helm/veroforge");
    private static final Path OPERATOR_CLASSES = REPO.resolve("operator/core/target/classes");
    /** CRD YAML generated from the API model; the chart's crds/ must be a copy. */
    private static final Path GENERATED_CRDS = REPO.resolve("crds/crd");

    private static final String RELEASE = "veroforge";
    private static final String NAMESPACE = "veroforge-system";
    private static final String TEST_PASSWORD = "pg-admin-password-from-values";

    private static final List<String> MANAGE = List.of("get", "list", "watch", "create", "update", "patch", "delete");
    private static final List<String> WRITE_VERBS = List.of("create", "update", "patch", "delete", "deletecollection", "bind", "escalate", "impersonate", "*");

    /**
     * What the operator needs that its reconcilers' annotations cannot show. Each entry says who
     * needs it. When code declares one of these as a {@code @Workflow} dependent, drop it here.
     */
    private static final List<HandKeptNeed> NOT_VISIBLE_IN_ANNOTATIONS = List.of(
            // EventRecorder writes core/v1 Events and folds a repeat into the existing one.
            new HandKeptNeed("", List.of("events"), null, List.of("get", "create", "update"),
                    "EventRecorder"),
            // Leader election (Lease lock): one replica reconciles at a time.
            new HandKeptNeed("coordination.k8s.io", List.of("leases"), null, List.of("get", "create", "update"),
                    "leader election"),
            // OwnerAccessDependent binds owners to a ClusterRole the operator does not hold; the API
            // server allows that only with `bind` on that very role.
            new HandKeptNeed("rbac.authorization.k8s.io", List.of("clusterroles"), TenantObjects.ADMIN_CLUSTER_ROLE, List.of("bind"),
                    "OwnerAccessDependent binding " + TenantObjects.ADMIN_CLUSTER_ROLE),
            // The operator deletes an expired demo Tenant (spec.ttl).
            new HandKeptNeed("veroforge.io", List.of("tenants"), null, List.of("delete"),
                    "Tenant TTL expiry"),
            // AppSpecReconciler watches its Generations (informer mapped by owner reference), creates
            // one per content change and prunes old ones, with plain client calls.
            new HandKeptNeed("veroforge.io", List.of("generations"), null, List.of("get", "list", "watch", "create", "delete"),
                    "AppSpecReconciler recording and pruning Generations"),
            // --- the Generation pipeline, with plain client calls (imperative stages, not dependents) ---
            // Its reconciler: Generations as primary resource (informer, finalizer, status, owner of what it creates).
            new HandKeptNeed("veroforge.io", List.of("generations"), null, List.of("get", "list", "watch", "update", "patch"),
                    "Generation pipeline reconciling Generations"),
            new HandKeptNeed("veroforge.io", List.of("generations/status"), null, List.of("get", "update", "patch"),
                    "Generation pipeline status"),
            new HandKeptNeed("veroforge.io", List.of("generations/finalizers"), null, List.of("update"),
                    "Generation pipeline owning its Jobs, Secrets and delivered objects"),
            // It reads the Tenant and namespace an app lives in.
            new HandKeptNeed("veroforge.io", List.of("tenants"), null, OperatorRbacNeeds.READ,
                    "Generation pipeline reading the app's Tenant"),
            new HandKeptNeed("", List.of("namespaces"), null, List.of("get"),
                    "Generation pipeline checking the app's namespace"),
            // AppGitCredentials creates <app>-git-credentials and GitHttpServer reads it per request;
            // app Secrets and the registry push Secret copied into the tenant namespace; the ArgoCD
            // repository Secret of a gitops app, deleted with the app; app Secrets pruned by direct deploy.
            new HandKeptNeed("", List.of("secrets"), null, List.of("get", "list", "watch", "create", "update", "patch", "delete"),
                    "app Git credentials, app Secrets, registry Secret copies and ArgoCD repository Secrets"),
            // kaniko build Jobs and migration Jobs: created, deleted when done or replaced, never updated.
            new HandKeptNeed("batch", List.of("jobs"), null, List.of("get", "list", "watch", "create", "delete"),
                    "Generation build (kaniko) and migration Jobs"),
            // Direct delivery applies the app's Deployments, Services and ConfigMaps and prunes what a
            // Generation no longer has.
            new HandKeptNeed("apps", List.of("deployments"), null, MANAGE, "direct delivery (apply and prune)"),
            new HandKeptNeed("", List.of("services", "configmaps"), null, MANAGE, "direct delivery (apply and prune)"),
            // GitOps delivery: an ArgoCD Application per app, updated and removed with it.
            new HandKeptNeed("argoproj.io", List.of("applications"), null, MANAGE, "GitOps delivery through ArgoCD"),
            // A Canary's gatewayApi router weights an existing HTTPRoute's backendRefs (never creates one).
            new HandKeptNeed("gateway.networking.k8s.io", List.of("httproutes"), null, List.of("get", "list", "watch", "update", "patch"),
                    "Canary gatewayApi router"),
            // --- later issues, until their reconcilers exist ---
            // Plugin reconciler (primary resource: informer, finalizer, status).
            new HandKeptNeed("veroforge.io", List.of("plugins"), null, List.of("get", "list", "watch", "update", "patch"),
                    "Plugin reconciler (later)"),
            // A Canary per canary rollout, created and pruned by the AppSpec reconciler, and its reconciler.
            new HandKeptNeed("veroforge.io", List.of("canaries"), null, MANAGE, "Canaries (later)"),
            new HandKeptNeed("veroforge.io", List.of("canaries/status", "plugins/status"), null,
                    List.of("get", "update", "patch"), "status of later reconcilers"),
            new HandKeptNeed("veroforge.io", List.of("canaries/finalizers", "plugins/finalizers"), null,
                    List.of("update"), "owner references of later reconcilers"),
            // Plugin sandboxes run under their own ServiceAccount.
            new HandKeptNeed("", List.of("serviceaccounts"), null, MANAGE, "plugin sandbox (later)"));

    private static List<HasMetadata> defaults;

    @BeforeAll
    static void renderWithDefaults() {
        defaults = render(Map.of());
    }

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("helm lint --strict:%n%s", String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void operatorRunsAsItsOwnServiceAccountBoundToItsClusterRole() {
        Deployment deployment = operatorDeployment(defaults);
        String serviceAccount = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();

        assertThat(serviceAccount).isNotBlank();
        assertThat(only(defaults, ServiceAccount.class).getMetadata().getName()).isEqualTo(serviceAccount);
        ClusterRoleBinding binding = only(defaults, ClusterRoleBinding.class);
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo(serviceAccount);
            assertThat(subject.getNamespace()).isEqualTo(NAMESPACE);
        });
        assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(operatorClusterRole(defaults).getMetadata().getName()).isEqualTo(binding.getRoleRef().getName());
    }

    @Test
    void postgresCredentialsReachTheOperatorOnlyThroughTheChartSecret() {
        List<HasMetadata> rendered = render(Map.of("postgres.adminPassword", TEST_PASSWORD, "postgres.host", "pg.example.internal"));
        Secret secret = only(rendered, Secret.class);

        assertThat(secret.getStringData())
                .containsEntry("password", TEST_PASSWORD)
                .containsEntry("jdbc-uri", "jdbc:postgresql://pg.example.internal:5432/postgres")
                .containsEntry("host", "pg.example.internal")
                .containsEntry("port", "5432");
        assertPostgresEnvComesFromSecret(operatorDeployment(rendered), secret.getMetadata().getName());
        for (HasMetadata object : rendered) {
            if (!(object instanceof Secret)) {
                assertThat(Serialization.asYaml(object))
                        .as("%s %s must not contain the PostgreSQL password", object.getKind(), object.getMetadata().getName())
                        .doesNotContain(TEST_PASSWORD);
            }
        }
    }

    @Test
    void existingPostgresSecretIsUsedInsteadOfCreatingOne() {
        List<HasMetadata> rendered = render(Map.of("postgres.existingSecret", "shared-pg-superuser"));

        assertThat(objects(rendered, Secret.class)).as("no Secret created by the chart").isEmpty();
        assertPostgresEnvComesFromSecret(operatorDeployment(rendered), "shared-pg-superuser");
    }

    @Test
    void invalidValuesAreRejectedByTheSchema() {
        assertThatThrownBy(() -> render(Map.of("operator.image.pullPolicy", "Sometimes")))
                .hasMessageContaining("pullPolicy");
        assertThatThrownBy(() -> render(Map.of("tenant.ingressNamespace", "Not_A_Namespace")))
                .hasMessageContaining("ingressNamespace");
    }

    @Test
    void operatorClusterRoleGrantsExactlyWhatTheOperatorUses() {
        OperatorRbacNeeds scanned = OperatorRbacNeeds.scan(OPERATOR_CLASSES);
        Map<RbacPermission, String> needs = new TreeMap<>(RbacPermission.ORDER);
        needs.putAll(scanned.needs());
        for (HandKeptNeed need : NOT_VISIBLE_IN_ANNOTATIONS) {
            need.permissions().forEach(p -> needs.merge(p, need.why(), (a, b) -> a + "; " + b));
        }
        ClusterRole role = operatorClusterRole(defaults);
        List<String> problems = new ArrayList<>();

        List<RbacPermission> granted = new ArrayList<>();
        for (PolicyRule rule : role.getRules()) {
            List<RbacPermission> permissions = expand(rule);
            granted.addAll(permissions);
            if (Stream.of(rule.getApiGroups(), rule.getResources(), rule.getVerbs()).flatMap(List::stream).anyMatch("*"::equals)) {
                problems.add("rule " + describe(rule) + " uses a wildcard");
            }
            List<RbacPermission> unused = permissions.stream()
                    .filter(p -> needs.keySet().stream().noneMatch(p::allows))
                    .toList();
            if (!unused.isEmpty()) {
                problems.add("rule " + describe(rule) + " grants what nothing in the operator uses: " + unused);
            }
        }
        needs.forEach((need, why) -> {
            if (granted.stream().noneMatch(g -> g.allows(need))) {
                problems.add("missing: " + need + " (needed by " + why + ")");
            }
        });

        assertThat(problems)
                .as("ClusterRole %s vs. the operator (reconcilers found: %s)", role.getMetadata().getName(),
                        scanned.reconcilers().stream().map(Class::getSimpleName).toList())
                .isEmpty();
    }

    @Test
    void ownersAreBoundToTheTenantAdminRoleTheChartInstalls() {
        ClusterRole tenantAdmin = clusterRole(defaults, TenantObjects.ADMIN_CLUSTER_ROLE);

        assertThat(tenantAdmin.getRules()).isNotEmpty();
        assertThat(operatorClusterRole(defaults).getRules())
                .filteredOn(rule -> rule.getVerbs().contains("bind"))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.getResources()).containsExactly("clusterroles");
                    assertThat(rule.getResourceNames()).containsExactly(tenantAdmin.getMetadata().getName());
                });
    }

    @Test
    void tenantOwnersCanRunTheirAppsButNotLoosenTheirFences() {
        List<RbacPermission> granted = clusterRole(defaults, TenantObjects.ADMIN_CLUSTER_ROLE).getRules().stream()
                .flatMap(rule -> expand(rule).stream())
                .toList();

        Set<String> fences = Set.of("resourcequotas", "limitranges", "networkpolicies", "rolebindings", "roles",
                "namespaces", "clusterroles", "clusterrolebindings", "serviceaccounts/token", "pods/exec");
        assertThat(granted)
                .as("write access to what isolates a tenant")
                .filteredOn(p -> fences.contains(p.resource()) && WRITE_VERBS.contains(p.verb()))
                .isEmpty();
        assertThat(granted).as("wildcards").filteredOn(p -> "*".equals(p.resource()) || "*".equals(p.group()) || "*".equals(p.verb())).isEmpty();
        for (String kind : List.of("appspecs", "generations", "canaries", "plugins")) {
            assertThat(granted).contains(new RbacPermission("veroforge.io", kind, "create", null));
        }
        assertThat(granted).contains(
                new RbacPermission("apps", "deployments", "patch", null),
                new RbacPermission("", "pods/log", "get", null),
                new RbacPermission("networking.k8s.io", "ingresses", "create", null),
                new RbacPermission("", "resourcequotas", "get", null));
    }

    @Test
    void everyOperatorSettingTheChartSetsIsOneTheOperatorReads() {
        Set<String> readByOperator = operatorSettingEnvNames();
        Set<String> setByChart = new TreeSet<>(only(defaults, ConfigMap.class).getData().keySet());
        operatorContainer(operatorDeployment(defaults)).getEnv().forEach(env -> setByChart.add(env.getName()));

        assertThat(readByOperator).as("@ConfigMapping(prefix = \"veroforge\") properties of the operator").isNotEmpty();
        assertThat(setByChart).as("VEROFORGE_* variables the chart sets").anyMatch(name -> name.startsWith("VEROFORGE_"));
        assertThat(setByChart.stream().filter(name -> name.startsWith("VEROFORGE_") && !readByOperator.contains(name)).toList())
                .as("VEROFORGE_* variables the chart sets but the operator does not read (it reads %s)", readByOperator)
                .isEmpty();
        assertThat(setByChart).contains(
                "VEROFORGE_PLATFORM_NAMESPACE", "VEROFORGE_TENANT_INGRESS_NAMESPACE",
                "QUARKUS_OPERATOR_SDK_CRD_APPLY", "QUARKUS_OPERATOR_SDK_CRD_VALIDATE");
        assertThat(only(defaults, ConfigMap.class).getData())
                .containsEntry("VEROFORGE_PLATFORM_NAMESPACE", NAMESPACE)
                .containsEntry("VEROFORGE_TENANT_INGRESS_NAMESPACE", "ingress-nginx")
                .containsEntry("QUARKUS_OPERATOR_SDK_CRD_APPLY", "false")
                .containsEntry("QUARKUS_OPERATOR_SDK_CRD_VALIDATE", "false");
    }

    @Test
    void operatorContainerIsHardenedAndProbed() {
        Deployment deployment = operatorDeployment(defaults);
        Container container = operatorContainer(deployment);

        assertThat(container.getImage()).isEqualTo("veroforge/operator:0.1.0");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getPorts()).anySatisfy(port -> {
            assertThat(port.getContainerPort()).isEqualTo(8080);
            assertThat(port.getName()).isEqualTo(container.getReadinessProbe().getHttpGet().getPort().getStrVal());
        });
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        var security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));

        var service = service(defaults, deployment.getMetadata().getName());
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getMetadata().getAnnotations()).containsEntry("prometheus.io/path", "/q/metrics");

        var custom = render(Map.of("operator.image.repository", "registry.example/vf/operator",
                "operator.image.tag", "1.2.3", "operator.image.pullPolicy", "Always"));
        Container customContainer = operatorContainer(operatorDeployment(custom));
        assertThat(customContainer.getImage()).isEqualTo("registry.example/vf/operator:1.2.3");
        assertThat(customContainer.getImagePullPolicy()).isEqualTo("Always");
    }

    @Test
    void gitServiceReachesTheOperatorsGitServerWhichKeepsRepositoriesOnAClaim() {
        Deployment deployment = operatorDeployment(defaults);
        Container container = operatorContainer(deployment);
        Map<String, String> env = literalEnv(container);

        var service = service(defaults, "veroforge-git");
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(8081);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("git");
        });
        assertThat(container.getPorts()).anySatisfy(port -> {
            assertThat(port.getName()).isEqualTo("git");
            assertThat(port.getContainerPort()).isEqualTo(8081);
        });
        assertThat(env).containsEntry("VEROFORGE_GIT_HTTP_PORT", "8081")
                .containsEntry("VEROFORGE_GIT_PUBLIC_URL", "http://veroforge-git." + NAMESPACE + ".svc:8081")
                .containsEntry("VEROFORGE_GIT_ROOT", "/var/lib/veroforge/git");

        var mount = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(env.get("VEROFORGE_GIT_ROOT")))
                .findFirst().orElseGet(() -> fail("nothing mounted at VEROFORGE_GIT_ROOT"));
        assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        var volume = volume(deployment, mount.getName());
        PersistentVolumeClaim claim = only(defaults, PersistentVolumeClaim.class);
        assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo(claim.getMetadata().getName());
        assertThat(claim.getSpec().getResources().getRequests().get("storage")).hasToString("5Gi");
        assertThat(claim.getSpec().getStorageClassName()).isNull();
        assertThat(claim.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup())
                .isEqualTo(container.getSecurityContext().getRunAsUser());
    }

    @Test
    void gitStorageAndPublicUrlFollowTheValues() {
        List<HasMetadata> onClass = render(Map.of("git.persistence.storageClass", "fast-ssd", "git.persistence.size", "20Gi",
                "git.publicUrl", "https://git.example.com"));
        PersistentVolumeClaim claim = only(onClass, PersistentVolumeClaim.class);
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
        assertThat(claim.getSpec().getResources().getRequests().get("storage")).hasToString("20Gi");
        assertThat(literalEnv(operatorContainer(operatorDeployment(onClass))))
                .containsEntry("VEROFORGE_GIT_PUBLIC_URL", "https://git.example.com");

        List<HasMetadata> ephemeral = render(Map.of("git.persistence.enabled", false));
        assertThat(objects(ephemeral, PersistentVolumeClaim.class)).isEmpty();
        Deployment deployment = operatorDeployment(ephemeral);
        String mounted = operatorContainer(deployment).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/var/lib/veroforge/git")).findFirst()
                .orElseGet(() -> fail("no git volume mount")).getName();
        assertThat(volume(deployment, mounted).getEmptyDir()).isNotNull();
    }

    @Test
    void twoReplicasElectALeaderSurviveADrainAndShareTheirRepositories() {
        Deployment deployment = operatorDeployment(defaults);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getType()).as("a new pod joins as a standby first").isEqualTo("RollingUpdate");
        assertThat(only(defaults, ConfigMap.class).getData())
                .containsEntry("VEROFORGE_LEADER_ELECTION_ENABLED", "true")
                .containsEntry("VEROFORGE_LEADER_ELECTION_LEASE_DURATION", "10s");
        assertThat(operatorContainer(deployment).getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("POD_NAME");
            assertThat(env.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        });
        assertThat(deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution()).singleElement()
                .satisfies(term -> assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
        io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget pdb =
                only(defaults, io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(only(defaults, PersistentVolumeClaim.class).getSpec().getAccessModes())
                .as("a standby mounts the repositories too").containsExactly("ReadWriteMany");

        List<HasMetadata> single = render(Map.of("operator.replicas", 1));
        assertThat(operatorDeployment(single).getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(objects(single, io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class)).isEmpty();
        assertThat(only(single, PersistentVolumeClaim.class).getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    }

    @Test
    void chartShipsExactlyTheGeneratedCrds() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(GENERATED_CRDS), "no generated CRDs at " + GENERATED_CRDS + " yet");
        Map<String, String> generated = yamlFiles(GENERATED_CRDS);
        Map<String, String> inChart = yamlFiles(CHART.resolve("crds"));

        assertThat(inChart.keySet()).as("files of %s", CHART.resolve("crds")).isEqualTo(generated.keySet());
        generated.forEach((name, content) -> assertThat(inChart.get(name)).as("crds/%s is a copy of %s", name, GENERATED_CRDS.resolve(name)).isEqualTo(content));
        for (String content : inChart.values()) {
            CustomResourceDefinition crd = Serialization.unmarshal(content, CustomResourceDefinition.class);
            assertThat(crd.getSpec().getGroup()).isEqualTo("veroforge.io");
        }
    }

    // ---- rendering and lookup -------------------------------------------------------------

    @Test
    void withABrokerTheOperatorSendsTelemetryToKafkaAndTheIntelligenceEngineReadsItWithThePlatformDatabase() {
        assertThat(only(defaults, ConfigMap.class).getData()).doesNotContainKey("VEROFORGE_TELEMETRY_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(objects(defaults, Deployment.class)).as("no intelligence engine without a broker").hasSize(1);

        List<HasMetadata> rendered = render(Map.of("telemetry.kafka.bootstrapServers", "kafka.veroforge-system.svc:9092",
                "intelligence.enabled", true, "intelligence.existingSecret", "intelligence-tokens"));
        assertThat(objects(rendered, ConfigMap.class).get(0).getData())
                .containsEntry("VEROFORGE_TELEMETRY_KAFKA_BOOTSTRAP_SERVERS", "kafka.veroforge-system.svc:9092");
        Deployment operator = objects(rendered, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().endsWith("-operator")).findFirst().orElseThrow();
        assertThat(operatorContainer(operator).getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("VEROFORGE_TELEMETRY_SPOOL_DIR");
            assertThat(env.getValue()).startsWith("/var/lib/veroforge/git/").endsWith("$(POD_NAME)");
        });
        Deployment intelligence = objects(rendered, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().endsWith("-intelligence")).findFirst().orElseThrow();
        Container engine = intelligence.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, io.fabric8.kubernetes.api.model.EnvVar> env = engine.getEnv().stream()
                .collect(java.util.stream.Collectors.toMap(io.fabric8.kubernetes.api.model.EnvVar::getName, e -> e));
        assertThat(env.get("VEROFORGE_KAFKA_BOOTSTRAP_SERVERS").getValue()).isEqualTo("kafka.veroforge-system.svc:9092");
        assertThat(env.get("VEROFORGE_INTELLIGENCE_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo(only(rendered, Secret.class).getMetadata().getName());
        assertThat(env.get("VEROFORGE_INTELLIGENCE_DB_JDBC_URL").getValue()).isEqualTo("jdbc:postgresql://$(PG_HOST):$(PG_PORT)/veroforge");
        assertThat(engine.getEnvFrom()).singleElement().satisfies(from -> assertThat(from.getSecretRef().getName()).isEqualTo("intelligence-tokens"));
        assertThat(objects(rendered, io.fabric8.kubernetes.api.model.Service.class))
                .anySatisfy(s -> assertThat(s.getMetadata().getName()).endsWith("-intelligence"));

        assertThatThrownBy(() -> render(Map.of("intelligence.enabled", true, "intelligence.existingSecret", "t")))
                .hasMessageContaining("telemetry.kafka.bootstrapServers");
        assertThatThrownBy(() -> render(Map.of("telemetry.kafka.bootstrapServers", "k:9092", "intelligence.enabled", true,
                "intelligence.kAnonymity", 1, "intelligence.existingSecret", "t"))).hasMessageContaining("kAnonymity");
    }

    @Test
    void aConfiguredModelReachesTheOperatorWithItsKeyFromTheSecretAndEverySettingIsOneItReads() {
        assertThat(only(defaults, ConfigMap.class).getData()).containsEntry("VEROFORGE_AI_PROVIDER", "none")
                .doesNotContainKeys("VEROFORGE_AI_MODEL", "VEROFORGE_AI_BASE_URL");
        assertThat(operatorContainer(operatorDeployment(defaults)).getEnv()).noneMatch(e -> e.getName().startsWith("VEROFORGE_AI_"));

        List<HasMetadata> rendered = render(Map.of("ai.provider", "openai", "ai.model", "gpt-4o-mini", "ai.baseUrl", "http://vllm.models.svc:8000/v1",
                "ai.apiKey.existingSecret", "llm-key", "ai.maxTokensPerGeneration", 50000));
        Map<String, String> data = only(rendered, ConfigMap.class).getData();
        assertThat(data).containsEntry("VEROFORGE_AI_PROVIDER", "openai").containsEntry("VEROFORGE_AI_MODEL", "gpt-4o-mini")
                .containsEntry("VEROFORGE_AI_BASE_URL", "http://vllm.models.svc:8000/v1").containsEntry("VEROFORGE_AI_VALIDATION", "full")
                .containsEntry("VEROFORGE_AI_MAX_TOKENS_PER_GENERATION", "50000").containsEntry("VEROFORGE_AI_TIMEOUT", "60s");
        assertThat(data.values()).noneMatch(v -> v.contains("llm-key"));
        Container operator = operatorContainer(operatorDeployment(rendered));
        assertThat(operator.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("VEROFORGE_AI_API_KEY");
            assertThat(env.getValue()).isNull();
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("llm-key");
            assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key");
        });
        Set<String> readByOperator = operatorSettingEnvNames();
        Set<String> setByChart = new TreeSet<>(data.keySet());
        operator.getEnv().forEach(env -> setByChart.add(env.getName()));
        assertThat(setByChart.stream().filter(n -> n.startsWith("VEROFORGE_AI_") && !readByOperator.contains(n)).toList()).isEmpty();

        assertThatThrownBy(() -> render(Map.of("ai.provider", "openai"))).hasMessageContaining("ai.model is required");
        assertThatThrownBy(() -> render(Map.of("ai.provider", "gemini"))).hasMessageContaining("ai.provider");
    }

    @Test
    void theConsoleSignsInWithOidcReadsTenantsAndDoesEverythingElseAsTheUser() {
        assertThat(objects(defaults, Deployment.class)).as("no console unless enabled").hasSize(1);
        List<HasMetadata> rendered = render(Map.of("console.enabled", true,
                "console.oidc.url", "https://id.example.com/realms/veroforge", "console.oidc.existingSecret", "console-oidc",
                "console.impersonation.groups[0]", "acme-admins", "console.ingress.enabled", true,
                "console.ingress.host", "console.example.com"));
        Deployment console = objects(rendered, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().endsWith("-console")).findFirst().orElseThrow();
        Container container = console.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(literalEnv(container)).containsEntry("VEROFORGE_OIDC_URL", "https://id.example.com/realms/veroforge")
                .containsEntry("VEROFORGE_OIDC_CLIENT_ID", "veroforge-console");
        assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("VEROFORGE_OIDC_CLIENT_SECRET")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("console-oidc"));
        // the proposal pages: the admins' group by default, and no engine unless one is given or installed
        assertThat(literalEnv(container)).containsEntry("VEROFORGE_CONSOLE_PLATFORM_ADMIN_GROUP", "veroforge-platform-admins")
                .doesNotContainKey("VEROFORGE_INTELLIGENCE_URL");
        Container withEngine = objects(render(Map.of("console.enabled", true, "console.oidc.url", "https://id.example.com",
                "console.oidc.existingSecret", "console-oidc", "intelligence.enabled", true,
                "intelligence.existingSecret", "intelligence-tokens", "telemetry.kafka.bootstrapServers", "kafka:9092",
                "console.intelligence.existingSecret", "console-reviewer")), Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().endsWith("-console")).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(literalEnv(withEngine).get("VEROFORGE_INTELLIGENCE_URL")).matches("http://.+-intelligence\\..+\\.svc:8081");
        assertThat(withEngine.getEnv()).filteredOn(e -> e.getName().equals("VEROFORGE_INTELLIGENCE_TOKEN")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token"));
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        String serviceAccount = console.getSpec().getTemplate().getSpec().getServiceAccountName();
        String role = objects(rendered, ClusterRoleBinding.class).stream()
                .filter(b -> b.getSubjects().stream().anyMatch(x -> x.getName().equals(serviceAccount)))
                .map(b -> b.getRoleRef().getName()).findFirst().orElseGet(() -> fail("console ServiceAccount is bound to nothing"));
        // what the console uses itself (TenantDirectory: get and list Tenants; their socket watches them) and
        // impersonation for everything else (ClusterClients.actingAs); nothing it could write with its own identity
        assertThat(clusterRole(rendered, role).getRules()).extracting(r -> r.getResources() + " " + r.getVerbs()
                + (r.getResourceNames() == null || r.getResourceNames().isEmpty() ? "" : " " + r.getResourceNames()))
                .containsExactlyInAnyOrder("[tenants] [get, list, watch]", "[users] [impersonate]",
                        "[groups] [impersonate] [acme-admins]");
        assertThat(service(rendered, console.getMetadata().getName()).getSpec().getSelector())
                .isEqualTo(console.getSpec().getSelector().getMatchLabels());
        assertThat(objects(rendered, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)).singleElement()
                .satisfies(i -> assertThat(i.getSpec().getRules().get(0).getHost()).isEqualTo("console.example.com"));
        assertThatThrownBy(() -> render(Map.of("console.enabled", true, "console.oidc.existingSecret", "s")))
                .hasMessageContaining("console.oidc.url");
        assertThatThrownBy(() -> render(Map.of("console.enabled", true, "console.oidc.url", "https://id.example.com")))
                .hasMessageContaining("console.oidc.existingSecret");
    }

    @Test
    void thePlaygroundGrantsTheConsoleOnlyWhatDemoTenantsNeedAndPassesItsLimits() {
        List<HasMetadata> rendered = render(Map.of("console.enabled", true,
                "console.oidc.url", "https://id.example.com/realms/veroforge", "console.oidc.existingSecret", "console-oidc",
                "console.playground.enabled", true, "console.playground.maxDemoTenants", 5, "console.ingress.enabled", true,
                "console.ingress.host", "console.example.com"));
        Deployment console = objects(rendered, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().endsWith("-console")).findFirst().orElseThrow();
        Container container = console.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getEnv()).filteredOn(e -> e.getValue() != null)
                .extracting(e -> e.getName() + "=" + e.getValue())
                .contains("VEROFORGE_CONSOLE_PLAYGROUND_ENABLED=true", "VEROFORGE_CONSOLE_PLAYGROUND_MAX_DEMO_TENANTS=5",
                        "VEROFORGE_CONSOLE_PLAYGROUND_REQUESTS_PER_CLIENT=3", "VEROFORGE_CONSOLE_PLAYGROUND_TTL=24h",
                        "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true");
        String serviceAccount = console.getSpec().getTemplate().getSpec().getServiceAccountName();
        String role = objects(rendered, ClusterRoleBinding.class).stream()
                .filter(b -> b.getSubjects().stream().anyMatch(x -> x.getName().equals(serviceAccount)))
                .map(b -> b.getRoleRef().getName()).findFirst().orElseThrow();
        assertThat(clusterRole(rendered, role).getRules()).extracting(r -> r.getResources() + " " + r.getVerbs())
                .containsExactlyInAnyOrder("[tenants] [get, list, watch]", "[users] [impersonate]", "[groups] [impersonate]",
                        "[tenants] [create]", "[appspecs] [get, create]", "[generations] [list]");
    }

    private static List<HasMetadata> render(Map<String, Object> values) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        values.forEach(template::set);
        String yaml = template.call();
        Object parsed = Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof KubernetesList list) {
            objects.addAll(list.getItems());
        } else if (parsed instanceof Collection<?> list) {
            list.forEach(o -> objects.add((HasMetadata) o));
        } else if (parsed instanceof HasMetadata one) {
            objects.add(one);
        }
        assertThat(objects).as("rendered objects").isNotEmpty();
        return objects;
    }

    private static <T extends HasMetadata> List<T> objects(List<HasMetadata> rendered, Class<T> type) {
        return rendered.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> rendered, Class<T> type) {
        List<T> found = objects(rendered, type);
        assertThat(found).as("rendered %s objects", type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static Deployment operatorDeployment(List<HasMetadata> rendered) {
        return only(rendered, Deployment.class);
    }

    private static Container operatorContainer(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("operator"))
                .findFirst()
                .orElseGet(() -> fail("no container named operator"));
    }

    private static io.fabric8.kubernetes.api.model.Service service(List<HasMetadata> rendered, String name) {
        return objects(rendered, io.fabric8.kubernetes.api.model.Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst()
                .orElseGet(() -> fail("no Service " + name + " rendered"));
    }

    private static Volume volume(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(name))
                .findFirst()
                .orElseGet(() -> fail("no volume " + name));
    }

    /** Environment variables with a literal value, by name. */
    private static Map<String, String> literalEnv(Container container) {
        return container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> b, TreeMap::new));
    }

    private static ClusterRole clusterRole(List<HasMetadata> rendered, String name) {
        return objects(rendered, ClusterRole.class).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseGet(() -> fail("no ClusterRole " + name + " rendered"));
    }

    /** The ClusterRole the operator's ServiceAccount is bound to. */
    private static ClusterRole operatorClusterRole(List<HasMetadata> rendered) {
        String serviceAccount = operatorDeployment(rendered).getSpec().getTemplate().getSpec().getServiceAccountName();
        String roleName = objects(rendered, ClusterRoleBinding.class).stream()
                .filter(b -> b.getSubjects().stream().anyMatch(s -> s.getName().equals(serviceAccount)))
                .map(b -> b.getRoleRef().getName())
                .findFirst()
                .orElseGet(() -> fail("no ClusterRoleBinding for ServiceAccount " + serviceAccount));
        return clusterRole(rendered, roleName);
    }

    private static void assertPostgresEnvComesFromSecret(Deployment deployment, String secretName) {
        Map<String, EnvVar> env = operatorContainer(deployment).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> b, LinkedHashMap::new));
        for (String name : List.of("VEROFORGE_POSTGRES_JDBC_URL", "VEROFORGE_POSTGRES_ADMIN_USER", "VEROFORGE_POSTGRES_ADMIN_PASSWORD",
                "VEROFORGE_POSTGRES_APP_HOST", "VEROFORGE_POSTGRES_APP_PORT")) {
            EnvVar var = env.get(name);
            assertThat(var).as("env %s", name).isNotNull();
            assertThat(var.getValue()).as("literal value of %s", name).isNull();
            assertThat(var.getValueFrom().getSecretKeyRef().getName()).as("Secret of %s", name).isEqualTo(secretName);
        }
        assertThat(env.values()).as("every *PASSWORD* variable comes from a Secret")
                .filteredOn(e -> e.getName().contains("PASSWORD"))
                .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull());
    }

    // ---- RBAC rules as permissions ----------------------------------------------------------

    private static List<RbacPermission> expand(PolicyRule rule) {
        List<String> names = rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                ? java.util.Collections.singletonList(null)
                : rule.getResourceNames();
        List<RbacPermission> permissions = new ArrayList<>();
        for (String group : rule.getApiGroups()) {
            for (String resource : rule.getResources()) {
                for (String verb : rule.getVerbs()) {
                    for (String name : names) {
                        permissions.add(new RbacPermission(group, resource, verb, name));
                    }
                }
            }
        }
        return permissions;
    }

    private static String describe(PolicyRule rule) {
        return "{apiGroups=" + rule.getApiGroups() + ", resources=" + rule.getResources() + ", verbs=" + rule.getVerbs()
                + (rule.getResourceNames() == null || rule.getResourceNames().isEmpty() ? "" : ", resourceNames=" + rule.getResourceNames()) + "}";
    }

    /** A need written down by hand, with who has it. */
    private record HandKeptNeed(String group, List<String> resources, String resourceName, List<String> verbs, String why) {
        List<RbacPermission> permissions() {
            return resources.stream()
                    .flatMap(resource -> verbs.stream().map(verb -> new RbacPermission(group, resource, verb, resourceName)))
                    .toList();
        }
    }

    // ---- operator settings ------------------------------------------------------------------

    /** Environment variable names of every property of the operator's {@code veroforge} config mappings. */
    private static Set<String> operatorSettingEnvNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : OperatorRbacNeeds.operatorClasses(OPERATOR_CLASSES)) {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null && (mapping.prefix().equals("veroforge") || mapping.prefix().startsWith("veroforge."))) {
                collectProperties(type, mapping.prefix(), names);
            }
        }
        return names;
    }

    private static void collectProperties(Class<?> group, String path, Set<String> names) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String property = method.isAnnotationPresent(WithParentName.class) ? path
                    : path + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type == Optional.class && method.getGenericReturnType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> inner && isGroup(inner)) {
                type = inner;
            }
            if (isGroup(type)) {
                collectProperties(type, property, names);
            } else {
                names.add(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, String> contents = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file));
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
