package io.veroforge.api.v1alpha1;

/** What a role or a plugin may do with rows of an entity. */
public enum CrudAction {
    create, read, update, delete
}
