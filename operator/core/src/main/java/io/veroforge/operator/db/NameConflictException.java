package io.veroforge.operator.db;

/**
 * A name the operator derived is already taken by something it did not create for this owner:
 * another Tenant's or app's object in the catalogue ({@link OwnedObjects}), or an object on the
 * server that the adoption rule does not let it claim. Nothing was changed. Permanent until a
 * person resolves it (docs/tenants.md, "Name conflicts"): report it and recheck slowly.
 */
public final class NameConflictException extends RuntimeException {

    public NameConflictException(String message) {
        super(message);
    }
}
