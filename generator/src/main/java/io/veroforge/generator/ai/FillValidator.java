package io.veroforge.generator.ai;

import io.veroforge.generator.gaps.GapFill;
import io.veroforge.generator.synthesize.GeneratedRepository;
import java.util.List;

/**
 * Decides whether an AI-written gap body may reach Git. It sees the candidate and the whole
 * generated repository with the candidate in place; a refusal names the stage and the problems,
 * which are fed back to the model for its next attempt.
 */
@FunctionalInterface
public interface FillValidator {

    Verdict validate(GapFill candidate, GeneratedRepository withCandidate);

    /** @param stage {@code scanner}, {@code type-check}, {@code lint}, {@code tests} or {@code contract}; null when passed */
    record Verdict(boolean passed, String stage, List<String> problems) {
        public Verdict {
            problems = List.copyOf(problems);
        }

        public static Verdict pass() {
            return new Verdict(true, null, List.of());
        }

        public static Verdict fail(String stage, List<String> problems) {
            return new Verdict(false, stage, problems);
        }
    }

    /** Each in order; the first refusal wins, so cheap checks go first and the type check runs only on scanned code. */
    static FillValidator allOf(FillValidator... validators) {
        return (candidate, repo) -> {
            for (FillValidator v : validators) {
                Verdict verdict = v.validate(candidate, repo);
                if (!verdict.passed()) {
                    return verdict;
                }
            }
            return Verdict.pass();
        };
    }
}
