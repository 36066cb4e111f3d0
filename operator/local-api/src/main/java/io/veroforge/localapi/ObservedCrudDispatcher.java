package io.veroforge.localapi;

import java.util.Objects;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;

/**
 * The mock server's CRUD dispatcher, reporting every stored change so that plain-HTTP watches
 * ({@link HttpWatchStreams}) see the same events its WebSocket watches do. kubectl watches over
 * chunked HTTP, which the mock server itself cannot stream.
 */
final class ObservedCrudDispatcher extends KubernetesCrudDispatcher {

    /** Receives each change after it is stored; {@code null} attributes/state mean "absent". */
    interface ChangeListener {
        void changed(AttributeSet oldAttributes, String oldState, AttributeSet newAttributes, String newState);
    }

    private final ChangeListener listener;

    ObservedCrudDispatcher(ChangeListener listener) {
        this.listener = listener;
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
            GenericKubernetesResource resource, String newState) {
        String existing = oldAttributes == null ? null : getMap().get(oldAttributes);
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (Objects.equals(existing, newState)) {
            return;
        }
        AttributeSet newAttributes = null;
        if (newState != null) {
            // the same derivation the superclass uses to key the stored object
            newAttributes = getAttributeExtractor().fromResource(newState);
            if (!newAttributes.containsKey(KubernetesAttributesExtractor.PLURAL)) {
                newAttributes = AttributeSet.merge(pathAttributes, newAttributes);
            }
        }
        listener.changed(oldAttributes, existing, newAttributes, newState);
    }
}
