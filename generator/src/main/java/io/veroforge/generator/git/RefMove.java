package io.veroforge.generator.git;

import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Moves a branch with a compare-and-swap on its old value, so a branch that changed since it was
 * read (a second publish, a fetch) is never overwritten silently.
 */
final class RefMove {

    private RefMove() {
    }

    /** @param expectedOld the id read earlier, or null when the branch must not exist yet */
    static void to(Repository repository, String ref, ObjectId expectedOld, ObjectId newId, String reason, boolean force)
            throws IOException {
        RefUpdate update = repository.updateRef(ref);
        update.setExpectedOldObjectId(expectedOld == null ? ObjectId.zeroId() : expectedOld);
        update.setNewObjectId(newId);
        update.setForceUpdate(force);
        update.setRefLogIdent(CommitMessage.veroforge());
        update.setRefLogMessage("veroforge: " + reason, false);
        RefUpdate.Result result = update.update();
        switch (result) {
            case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> {
            }
            default -> throw new IOException("could not move " + ref + " to " + newId.name() + ": " + result
                    + " (it changed since it was read; publish again)");
        }
    }
}
