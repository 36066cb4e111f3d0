package io.veroforge.intelligence.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The risk classes of docs/intelligence.md: low — additive, optional ontology defaults; medium —
 * template changes outside security-relevant files, required fields, remediations; high —
 * anything touching authentication, row-level security, migrations or the scanner's rules.
 */
final class RiskClassifier {
    /** Path or reason words that mark security-relevant ground. */
    private static final Pattern SECURITY_RELEVANT = Pattern.compile(
            "auth|login|session|jwt|token|guard|rls|polic|tenant|permission|role|migrat|prisma/schema|scanner|security|crypt|secret",
            Pattern.CASE_INSENSITIVE);

    private RiskClassifier() {
    }

    static Risk classify(Draft draft) {
        List<String> reasons = new ArrayList<>();
        String touched = String.valueOf(draft.change().getOrDefault("file", "")) + " " + draft.change().getOrDefault("stage", "")
                + " " + draft.change().getOrDefault("error", "");
        if (SECURITY_RELEVANT.matcher(touched).find()) {
            reasons.add("touches security-relevant ground (" + touched.trim().toLowerCase(Locale.ROOT) + ")");
            return new Risk(Risk.Level.high, reasons);
        }
        switch (draft.kind()) {
            case "ontology_optional_field" -> {
                reasons.add("additive: an optional ontology default; existing apps keep their API and data");
                return new Risk(Risk.Level.low, reasons);
            }
            case "ontology_field" -> reasons.add("a required field changes every app's API and needs a value for existing rows");
            case "template_review" -> reasons.add("a template change outside security-relevant files");
            case "ontology_review" -> reasons.add("similar but not identical edits: a reviewer decides the one change to make");
            case "remediation" -> reasons.add("a fix to a template or stage, proposed from failures");
            default -> reasons.add("unknown kind " + draft.kind());
        }
        return new Risk(Risk.Level.medium, reasons);
    }
}
