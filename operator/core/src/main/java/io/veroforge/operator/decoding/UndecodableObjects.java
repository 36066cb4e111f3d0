package io.veroforge.operator.decoding;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.veroforge.api.v1alpha1.CrdManifests;

/**
 * Where every value the operator could not read is reported: logged once per object and field
 * (an informer reads the same object again on each relist and each change), counted once per
 * object in {@code veroforge_undecodable_objects_total{kind}}. The memory of what was seen is
 * bounded; past the bound, new problems are no longer logged and new objects are counted each
 * time they are read (better too many than none).
 */
@Singleton
public class UndecodableObjects {
    private static final Logger LOG = Logger.getLogger(UndecodableObjects.class);
    static final String METRIC = "veroforge.undecodable.objects";
    private static final int REMEMBERED = 10_000;

    private final MeterRegistry registry;
    private final Set<String> objectsSeen = ConcurrentHashMap.newKeySet();
    private final Set<String> problemsSeen = ConcurrentHashMap.newKeySet();

    public UndecodableObjects(MeterRegistry registry) {
        this.registry = registry;
        // at zero from the start, so that an alert on its increase sees the first one
        CrdManifests.KINDS.forEach(kind -> counter(HasMetadata.getKind(kind)));
    }

    /** One value at {@code path} of the object (kind, namespace or null, name) that could not be read. */
    void report(String kind, String namespace, String name, String path, String problem) {
        String object = kind + "/" + (namespace == null ? "" : namespace + "/") + name;
        if (remember(problemsSeen, object + " " + path + " " + problem, false)) {
            LOG.warnf("%s %s: %s: %s; read without it (the CRD installed may be newer than this operator,"
                    + " or the object bypassed validation)", kind, name, path, problem);
        }
        if (remember(objectsSeen, object, true)) {
            counter(kind).increment();
        }
    }

    Counter counter(String kind) {
        return Counter.builder(METRIC)
                .description("VeroForge objects with a value the operator could not read, read without it")
                .tag("kind", kind).register(registry);
    }

    /** Whether {@code key} is new; once {@code seen} is full, {@code whenFull} for anything not in it. */
    private static boolean remember(Set<String> seen, String key, boolean whenFull) {
        if (seen.size() < REMEMBERED) {
            return seen.add(key);
        }
        return !seen.contains(key) && whenFull;
    }
}
