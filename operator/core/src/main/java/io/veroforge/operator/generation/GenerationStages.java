package io.veroforge.operator.generation;

import io.veroforge.operator.delivery.Releases;
import io.veroforge.operator.delivery.Deliveries;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.veroforge.operator.config.GeneratorParts;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.db.AppSchemaMigrator;
import io.veroforge.operator.delivery.AppRepositories;

/** The nine stages of a run, in order, wired to what they use. */
@ApplicationScoped
public class GenerationStages {
    private final List<Stage> stages;

    public GenerationStages(GeneratedCode code, AppRepositories repositories, MigrationPlanning planning, AppSchemaMigrator migrator,
            Releases releases, Deliveries deliveries, GeneratorParts generator, PlatformConfig config, GenerationTelemetry telemetry) {
        this.stages = List.of(
                new ResolveStage(generator),
                new SynthesizeStage(code),
                new ScanStage(code, generator.scanner()),
                new CommitStage(code, repositories, config.generation().conflictRecheck(), telemetry),
                new ApprovalStage(planning, Clock.systemUTC()),
                new MigrateStage(planning, migrator),
                new BuildStage(releases, code),
                new DeployStage(deliveries),
                new VerifyStage(deliveries, new ContractAfterPromotion(planning, migrator)));
    }

    List<Stage> all() {
        return stages;
    }
}
