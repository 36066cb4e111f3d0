package io.veroforge.operator.generation;

import io.veroforge.generator.scan.SecurityScanner;

import java.util.List;

import io.veroforge.api.v1alpha1.FindingSeverity;
import io.veroforge.api.v1alpha1.SecurityFinding;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.generator.scan.Finding;
import io.veroforge.generator.scan.ScanReport;

/**
 * Scans the generated code. A critical finding stops the run before anything is committed;
 * high findings are recorded and make the Generation risky (approval decides).
 */
final class ScanStage implements Stage {
    /** Status is not a report store: the worst findings are listed, the count says how many exist. */
    static final int LISTED = 50;

    private final GeneratedCode code;
    private final SecurityScanner scanner;

    ScanStage(GeneratedCode code, SecurityScanner scanner) {
        this.code = code;
        this.scanner = scanner;
    }

    @Override
    public StageName name() {
        return StageName.Scan;
    }

    @Override
    public StageOutcome run(GenerationRun run) {
        ScanReport report = scanner.scan(code.of(run.generation(), run.recorded()));
        List<SecurityFinding> listed = report.findings().stream().limit(LISTED).map(ScanStage::toStatus).toList();
        if (report.hasCritical()) {
            return StageOutcome.failed("ScanFailed", "critical security findings, nothing was committed: " + report.summary()
                    + "; the first: " + report.withSeverity(io.veroforge.generator.scan.FindingSeverity.CRITICAL).get(0),
                    status -> status.setFindings(listed));
        }
        return StageOutcome.succeeded(report.findings().isEmpty() ? "no findings" : report.summary(), status -> status.setFindings(listed));
    }

    private static SecurityFinding toStatus(Finding f) {
        SecurityFinding s = new SecurityFinding();
        s.setSeverity(FindingSeverity.valueOf(f.severity().keyword()));
        s.setRule(f.rule());
        s.setFile(f.file());
        s.setLine(f.line());
        s.setMessage(f.message() + (f.fix() == null ? "" : " — fix: " + f.fix()));
        return s;
    }
}
