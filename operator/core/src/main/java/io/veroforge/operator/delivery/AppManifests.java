package io.veroforge.operator.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.veroforge.api.v1alpha1.AppSpec;

/**
 * The Kubernetes objects of a generated repository ({@code deploy/k8s/*.yaml}), and their preparation
 * for one Generation: tenant namespace, labels, owner, built images. The migration Job is left out:
 * the operator runs migrations itself before deploying.
 */
public final class AppManifests {
    public static final String DIRECTORY = "deploy/k8s/";
    /** GitOps excludes it from the ArgoCD source too ({@link GitOpsDeploy}). */
    public static final String MIGRATION_JOB_FILE = "migration-job.yaml";
    /** The template pack's label naming the app's slug on every object. */
    static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Pattern LOCAL_IMAGE = Pattern.compile("(.+)-([a-z0-9-]+):latest");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> objects;
    private final String slug;

    private AppManifests(List<HasMetadata> objects, String slug) {
        this.objects = objects;
        this.slug = slug;
    }

    /** Reads every {@code deploy/k8s/*.yaml} of a commit's files, in path order. */
    public static AppManifests parse(SortedMap<String, String> files) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (!isManifest(path)) {
                continue;
            }
            for (String document : DOCUMENT_SEPARATOR.split(file.getValue())) {
                if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                    continue;
                }
                objects.add(read(path, document));
            }
        }
        if (objects.isEmpty()) {
            throw new DeliveryException("the generated repository has no Kubernetes objects under " + DIRECTORY
                    + ": the template pack must generate the app's Deployments and Services there");
        }
        return new AppManifests(List.copyOf(objects), slugOf(objects));
    }

    private static boolean isManifest(String path) {
        if (!path.startsWith(DIRECTORY) || path.indexOf('/', DIRECTORY.length()) >= 0) {
            return false;
        }
        String file = path.substring(DIRECTORY.length());
        return (file.endsWith(".yaml") || file.endsWith(".yml")) && !file.equals(MIGRATION_JOB_FILE);
    }

    private static HasMetadata read(String path, String document) {
        Object parsed;
        try {
            parsed = SERIALIZATION.unmarshal(document);
        } catch (RuntimeException e) {
            throw new DeliveryException(path + " is not a valid Kubernetes object: " + e.getMessage());
        }
        if (!(parsed instanceof HasMetadata object) || object.getMetadata() == null || object.getMetadata().getName() == null) {
            throw new DeliveryException(path + ": every document must be a Kubernetes object with apiVersion, kind and metadata.name");
        }
        return object;
    }

    private static String slugOf(List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            Map<String, String> labels = object.getMetadata().getLabels();
            if (labels != null && labels.get(PART_OF_LABEL) != null) {
                return labels.get(PART_OF_LABEL);
            }
        }
        throw new DeliveryException("no object under " + DIRECTORY + " carries the label " + PART_OF_LABEL
                + ": the template pack must label its objects with the app's slug");
    }

    /** The app's name as the template pack spelled it in object names ({@code <slug>-api}). */
    public String slug() {
        return slug;
    }

    /** The Secret the app's containers read DATABASE_URL and JWT_SECRET from; {@link DirectDeploy} writes it. */
    public String appSecretName() {
        return slug + "-secrets";
    }

    /** The objects as generated, unprepared. */
    public List<HasMetadata> objects() {
        return objects.stream().map(SERIALIZATION::clone).toList();
    }

    /**
     * Copies of the objects for one Generation of {@code app}: in the AppSpec's namespace, labelled
     * with app and Generation, owned by the AppSpec, and with every {@code <slug>-<component>:latest}
     * image replaced by the component's build.
     *
     * @throws DeliveryException when a container uses a local image no Dockerfile builds
     */
    public List<HasMetadata> prepare(AppSpec app, String generation, ImageRefs images) {
        String appName = app.getMetadata().getName();
        List<HasMetadata> prepared = new ArrayList<>();
        for (HasMetadata object : objects()) {
            object.getMetadata().setNamespace(app.getMetadata().getNamespace());
            Map<String, String> labels = new LinkedHashMap<>();
            if (object.getMetadata().getLabels() != null) {
                labels.putAll(object.getMetadata().getLabels());
            }
            labels.putAll(DeliveryLabels.forGeneration(appName, generation));
            object.getMetadata().setLabels(labels);
            object.getMetadata().setOwnerReferences(List.of(DeliveryLabels.ownedBy(app)));
            PodTemplateSpec template = podTemplate(object);
            if (template != null && template.getSpec() != null) {
                replaceImages(object, template.getSpec(), images);
            }
            prepared.add(object);
        }
        return List.copyOf(prepared);
    }

    private static PodTemplateSpec podTemplate(HasMetadata object) {
        if (object instanceof Deployment d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (object instanceof StatefulSet s && s.getSpec() != null) {
            return s.getSpec().getTemplate();
        }
        if (object instanceof DaemonSet d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (object instanceof Job j && j.getSpec() != null) {
            return j.getSpec().getTemplate();
        }
        return null;
    }

    private void replaceImages(HasMetadata owner, PodSpec pod, ImageRefs images) {
        List<Container> containers = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            containers.addAll(pod.getInitContainers());
        }
        for (Container container : containers) {
            Matcher m = LOCAL_IMAGE.matcher(container.getImage() == null ? "" : container.getImage());
            if (!m.matches() || !m.group(1).equals(slug)) {
                continue;
            }
            String component = m.group(2);
            if (!images.has(component)) {
                throw new DeliveryException(owner.getKind() + " " + owner.getMetadata().getName() + ", container "
                        + container.getName() + ": image " + container.getImage() + " is built by no Dockerfile (built: "
                        + String.join(", ", images.byComponent().keySet()) + "); add deploy/" + component
                        + ".Dockerfile to the template pack or use a published image");
            }
            container.setImage(images.of(component));
        }
    }
}
