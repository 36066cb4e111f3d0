package io.veroforge.generator;

import io.veroforge.generator.gaps.GapReport;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Severity;
import io.veroforge.generator.scan.ScanReport;
import io.veroforge.generator.synthesize.GeneratedRepository;
import java.util.List;

/**
 * What one run of the {@link GenerationPipeline} produced.
 *
 * @param model      the resolved model; null only when the YAML could not be read at all
 * @param problems   errors and warnings of analyze and resolve, in document order
 * @param repository the generated files; null when the spec has errors ({@link Outcome#INVALID_SPEC})
 * @param scanReport the security scan of {@code repository}; null when nothing was generated
 * @param timings    how long each stage took (the only part that differs between two runs)
 */
public record GenerationResult(ResolvedModel model, List<Problem> problems, GeneratedRepository repository, ScanReport scanReport,
                               StageTimings timings) {

    /** How a run ended; only {@link #GENERATED} may be published. */
    public enum Outcome {
        /** The AppSpec has errors: nothing was generated. */
        INVALID_SPEC,
        /** Generated, but the security scan found a CRITICAL finding: inspect, do not publish. */
        SCAN_FAILED,
        /** Generated and the scan found nothing critical. */
        GENERATED
    }

    public GenerationResult {
        problems = List.copyOf(problems);
    }

    public Outcome outcome() {
        if (repository == null) {
            return Outcome.INVALID_SPEC;
        }
        return scanReport.hasCritical() ? Outcome.SCAN_FAILED : Outcome.GENERATED;
    }

    /** How each gap was filled; null when nothing was generated. */
    public GapReport gapReport() {
        return repository == null ? null : repository.gaps();
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }
}
