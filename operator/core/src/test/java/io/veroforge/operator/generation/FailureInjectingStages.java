package io.veroforge.operator.generation;

import io.veroforge.operator.delivery.Releases;
import io.veroforge.operator.delivery.Deliveries;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.operator.config.GeneratorParts;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.db.AppSchemaMigrator;
import io.veroforge.operator.delivery.AppRepositories;

/**
 * The real stages, except that apps named for a failure kind fail the way that kind does, every
 * time: {@code api-…} with a 503 from the API server and {@code invalid-…} with a 422 (as for an
 * app named {@code H35App}) in Synthesize, which runs on a worker; {@code bug-…} with a
 * NullPointerException in Resolve, which runs on the reconcile thread. Every other app gets the
 * real stages untouched. Selected for all tests (one Quarkus boot, not one per profile); a
 * singleton because a normal-scoped subclass would need a no-args constructor for its proxy.
 */
@Alternative
@Priority(1)
@Singleton
public class FailureInjectingStages extends GenerationStages {

    public FailureInjectingStages(GeneratedCode code, AppRepositories repositories, MigrationPlanning planning, AppSchemaMigrator migrator,
            Releases releases, Deliveries deliveries, GeneratorParts generator, PlatformConfig config, GenerationTelemetry telemetry) {
        super(code, repositories, planning, migrator, releases, deliveries, generator, config, telemetry);
    }

    @Override
    List<Stage> all() {
        return super.all().stream().map(FailureInjectingStages::failing).toList();
    }

    private static Stage failing(Stage real) {
        return new Stage() {
            @Override
            public StageName name() {
                return real.name();
            }

            @Override
            public boolean slow() {
                return real.slow();
            }

            @Override
            public StageOutcome run(GenerationRun run) throws Exception {
                String app = run.app();
                if (real.name() == StageName.Synthesize && app.startsWith("api-")) {
                    throw new KubernetesClientException("the server is currently unable to handle the request", 503, null);
                }
                if (real.name() == StageName.Synthesize && app.startsWith("invalid-")) {
                    throw new KubernetesClientException("Deployment.apps \"H35App-api\" is invalid: metadata.name: Invalid value: \"H35App-api\": "
                            + "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters", 422, null);
                }
                if (real.name() == StageName.Resolve && app.startsWith("bug-")) {
                    String missing = null;
                    return StageOutcome.succeeded(missing.trim());
                }
                return real.run(run);
            }
        };
    }
}
