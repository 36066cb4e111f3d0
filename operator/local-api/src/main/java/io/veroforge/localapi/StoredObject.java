package io.veroforge.localapi;

import io.fabric8.mockwebserver.crud.AttributeSet;

/**
 * One stored version of an object: its JSON as written, and what lists, watches and selectors
 * ask of it without parsing that JSON again ({@code attributes} are the Fabric8 mock's own:
 * name, namespace, labels, api, version, plural, so label selectors match exactly as they did).
 */
record StoredObject(String namespace, String name, long resourceVersion, AttributeSet attributes, String json) {

    /** The key of an object within its type: namespace names cannot contain '/'. */
    static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    String key() {
        return key(namespace, name);
    }
}
