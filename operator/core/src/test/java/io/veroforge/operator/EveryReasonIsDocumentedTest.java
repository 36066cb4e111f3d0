package io.veroforge.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Users match condition reasons in alerts and {@code kubectl wait}: every reason a reconciler can
 * write is a literal in its package's sources (a constant, or the reason argument of an outcome or
 * a failure), and each must be listed, in backticks, on that kind's page under docs/.
 */
class EveryReasonIsDocumentedTest {
    private static final Path ROOT = Path.of(System.getProperty("vf.repo.root", "../.."));
    private static final Path SOURCES = ROOT.resolve("operator/core/src/main/java/io/veroforge/operator");

    /** Each reconciler's package, with the shared packages whose reasons it reports, and its page. */
    private static final Map<String, List<String>> PACKAGES = Map.of(
            "docs/tenants.md", List.of("tenant"),
            "docs/appspecs.md", List.of("app"),
            "docs/generations.md", List.of("generation", "failures"),
            "docs/canary.md", List.of("canary", "canary/gate"));

    private static final List<Pattern> REASONS = List.of(
            // ConditionOutcome.failed(TYPE, "Reason", …)
            Pattern.compile("ConditionOutcome\\.(?:met|failed|undecided)\\(\\s*[A-Za-z_.]+\\s*,\\s*\"([A-Z][A-Za-z]+)\""),
            // StageOutcome.waiting("Reason", …)
            Pattern.compile("StageOutcome\\.[a-z]+\\(\\s*\"([A-Z][A-Za-z]+)\""),
            // new Failure.Unavailable("Reason", …)
            Pattern.compile("new (?:Failure\\.)?[A-Z][A-Za-z]+\\(\\s*\"([A-Z][A-Za-z]+)\"\\s*,"),
            // static final String REASON = "Reason";
            Pattern.compile("static final String [A-Z_]+ = \"([A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+)\";"));

    @Test
    void everyReasonAReconcilerWritesIsOnItsKindsPage() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (var page : PACKAGES.entrySet()) {
            String doc = Files.readString(ROOT.resolve(page.getKey()));
            for (String pkg : page.getValue()) {
                for (String reason : reasonsIn(SOURCES.resolve(pkg))) {
                    if (!doc.contains("`" + reason + "`")) {
                        missing.add(page.getKey() + ": " + reason);
                    }
                }
            }
        }
        assertThat(missing).as("reasons written but not documented on their kind's page").isEmpty();
    }

    @Test
    void theScanFindsTheReasonsItShould() throws IOException {
        assertThat(reasonsIn(SOURCES.resolve("tenant"))).contains("InvalidSpec", "NameConflict", "ClusterNotReady", "QuotaFailed");
        assertThat(reasonsIn(SOURCES.resolve("generation"))).contains("GitCredentialsMissing", "MigrationRefused");
        assertThat(reasonsIn(SOURCES.resolve("canary"))).contains("RolledBack", "MetricsUnavailable", "RoutingFailed");
        assertThat(reasonsIn(SOURCES.resolve("canary/gate"))).contains("NoData", "WorseThanBaseline");
    }

    private static Set<String> reasonsIn(Path pkg) throws IOException {
        Set<String> reasons = new TreeSet<>();
        try (Stream<Path> files = Files.list(pkg)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern p : REASONS) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        reasons.add(m.group(1));
                    }
                }
            }
        }
        return reasons;
    }
}
