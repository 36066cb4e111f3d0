package io.veroforge.operator.db;

import java.util.List;

/**
 * A plan was not applied, and nothing was changed: it has destructive steps and was not approved,
 * or its version is older than one already applied. Permanent until the input changes: no retry.
 */
public final class MigrationRefusedException extends RuntimeException {

    private final List<String> destructiveSteps;

    public MigrationRefusedException(String message, List<String> destructiveSteps) {
        super(message);
        this.destructiveSteps = List.copyOf(destructiveSteps);
    }

    /** Descriptions of the steps that need approval; empty when refused for another reason. */
    public List<String> destructiveSteps() {
        return destructiveSteps;
    }
}
