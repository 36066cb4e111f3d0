package io.veroforge.generator.git;

import java.util.List;

/**
 * The outcome of a publish.
 *
 * @param generatedCommit the commit on {@code veroforge/generated} holding the pristine output
 * @param customerCommit  the commit on the customer branch that brought this generation in (a
 *                        merge, or the generated commit itself when created or fast-forwarded);
 *                        null when the merge conflicted
 * @param conflicts       paths both the customer and the generator changed incompatibly, sorted
 * @param conflictBranch  {@code veroforge/conflicts/<generation>} when there are conflicts, else null
 * @param drift           paths where the customer branch differs from the generated branch after
 *                        the publish (customized, added or deleted by the customer), sorted
 */
public record PublishResult(String generatedCommit, String customerCommit, List<String> conflicts, String conflictBranch,
                            List<String> drift) {

    public PublishResult {
        conflicts = List.copyOf(conflicts);
        drift = List.copyOf(drift);
    }

    public boolean conflicting() {
        return !conflicts.isEmpty();
    }
}
