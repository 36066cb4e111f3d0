package io.veroforge.localapi;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.mockwebserver.crud.AttributeSet;

/**
 * What a list or a watch asks for: one resource type, optionally one namespace and one name, the
 * label selector as the Fabric8 mock parses it ({@code attributes}, matched against the object's own
 * attributes exactly as the mock matched them), and any field selector ({@link FieldSelector};
 * {@code metadata.name} and {@code metadata.namespace} answered without parsing the object).
 */
record ObjectQuery(ResourceType type, String namespace, String name, AttributeSet attributes, FieldSelector fields) {

    boolean matches(StoredObject object, ObjectMapper json) {
        if (object == null || name != null && !name.equals(object.name())
                || namespace != null && !namespace.equals(object.namespace())
                || !object.attributes().matches(attributes)) {
            return false;
        }
        return fields.selectsAll() || fields.matches(object, json);
    }
}
