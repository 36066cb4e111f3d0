package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code scan} stage: runs every security rule over the generated repository. Pure: files in,
 * report out; a rule that crashes on odd input becomes a HIGH finding instead of stopping the scan.
 */
public final class SecurityScanner {

    private final List<ScanRule> rules;

    public SecurityScanner() {
        this(List.of(new RowLevelSecurityRule(), new SqlConcatenationRule(), new RouteGuardRule(), new DtoValidationRule(),
                new HardcodedSecretRule(), new CorsRule(), new DependencyPinningRule(), new ImagePinningRule()));
    }

    public SecurityScanner(List<ScanRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @param files repository-relative path → content (text files; binaries may be left out) */
    public ScanReport scan(Map<String, String> files) {
        GeneratedFiles generated = new GeneratedFiles(files);
        List<Finding> findings = new ArrayList<>();
        for (ScanRule rule : rules) {
            try {
                findings.addAll(rule.check(generated));
            } catch (RuntimeException e) {
                findings.add(new Finding(FindingSeverity.HIGH, rule.id(), "(scanner)", 0,
                        "rule " + rule.id() + " could not check the output: " + e, "report this scanner bug; review the rule's concern by hand"));
            }
        }
        return new ScanReport(findings);
    }

    public List<ScanRule> rules() {
        return rules;
    }
}
