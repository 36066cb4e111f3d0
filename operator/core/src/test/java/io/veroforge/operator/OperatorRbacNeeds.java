package io.veroforge.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;

/**
 * What the operator's reconcilers say they touch, read from the compiled classes: each
 * reconciler's primary resource (with its status and finalizers) and every Kubernetes dependent
 * of its {@code @Workflow}. Each permission maps to the reason it is needed, for failure messages.
 *
 * <p>What annotations cannot show (events, leader election, imperative client calls, kinds of
 * later issues) is listed by hand in {@link HelmChartTest}.
 */
final class OperatorRbacNeeds {
    static final List<String> READ = List.of("get", "list", "watch");

    private final Map<RbacPermission, String> needs = new LinkedHashMap<>();
    private final List<Class<?>> reconcilers = new ArrayList<>();

    private OperatorRbacNeeds() {
    }

    /** Scans every class under {@code classesRoot} (a compiled output directory) in package {@code io.veroforge.operator}. */
    static OperatorRbacNeeds scan(Path classesRoot) {
        OperatorRbacNeeds result = new OperatorRbacNeeds();
        for (Class<?> type : operatorClasses(classesRoot)) {
            boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
            if (concrete && (type.isAnnotationPresent(ControllerConfiguration.class) || Reconciler.class.isAssignableFrom(type))) {
                result.addReconciler(type);
            }
        }
        return result;
    }

    Map<RbacPermission, String> needs() {
        return needs;
    }

    List<Class<?>> reconcilers() {
        return reconcilers;
    }

    private void addReconciler(Class<?> reconciler) {
        reconcilers.add(reconciler);
        Class<?> primary = typeArgument(reconciler, Reconciler.class, 0);
        String group = HasMetadata.getGroup(primary.asSubclass(HasMetadata.class));
        String plural = HasMetadata.getPlural(primary.asSubclass(HasMetadata.class));
        String why = reconciler.getSimpleName() + " reconciles " + primary.getSimpleName();
        // informer, and the finalizer added and removed on the primary itself
        add(group, plural, why, "get", "list", "watch", "update", "patch");
        add(group, plural + "/status", why + " (status)", "get", "update", "patch");
        // owner references with blockOwnerDeletion on the dependents need update on finalizers
        add(group, plural + "/finalizers", why + " (owner of dependents)", "update");

        Workflow workflow = reconciler.getAnnotation(Workflow.class);
        if (workflow == null) {
            return;
        }
        for (Dependent dependent : workflow.dependents()) {
            addDependent(reconciler, dependent.type());
        }
    }

    private void addDependent(Class<?> reconciler, Class<?> dependent) {
        if (!KubernetesDependentResource.class.isAssignableFrom(dependent)) {
            return; // an external resource (SQL, Git): no Kubernetes API call declared
        }
        Class<?> resource = typeArgument(dependent, KubernetesDependentResource.class, 0);
        String group;
        String plural;
        if (GenericKubernetesResource.class.equals(resource)) {
            var gvk = genericDependentGvk(dependent);
            group = gvk.getGroup();
            plural = gvk.getPluralOrDefault();
        } else {
            group = HasMetadata.getGroup(resource.asSubclass(HasMetadata.class));
            plural = HasMetadata.getPlural(resource.asSubclass(HasMetadata.class));
        }
        String why = dependent.getSimpleName() + " of " + reconciler.getSimpleName();
        add(group, plural, why + " (informer)", READ.toArray(String[]::new));
        if (Creator.class.isAssignableFrom(dependent)) {
            // server-side apply creates with a PATCH, which the API server also authorizes as create
            add(group, plural, why + " (creates)", "create", "patch");
        }
        if (Updater.class.isAssignableFrom(dependent)) {
            add(group, plural, why + " (updates)", "update", "patch");
        }
        if (Deleter.class.isAssignableFrom(dependent)) {
            add(group, plural, why + " (deletes)", "delete");
        }
    }

    /** A generic dependent names its kind only at run time, in its constructor: build one and ask. */
    private static io.javaoperatorsdk.operator.processing.dependent.kubernetes.GroupVersionKindPlural genericDependentGvk(Class<?> dependent) {
        if (!GenericKubernetesDependentResource.class.isAssignableFrom(dependent)) {
            throw new AssertionError(dependent.getName() + " manages GenericKubernetesResource but does not extend "
                    + "GenericKubernetesDependentResource, so its kind cannot be known; extend it or list the kind in HelmChartTest");
        }
        try {
            Constructor<?> constructor = dependent.getDeclaredConstructor();
            constructor.setAccessible(true);
            return ((GenericKubernetesDependentResource<?>) constructor.newInstance()).getGroupVersionKind();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(dependent.getName() + " needs a no-argument constructor so that its kind can be read", e);
        }
    }

    private void add(String group, String resource, String why, String... verbs) {
        for (String verb : verbs) {
            needs.merge(new RbacPermission(group, resource, verb, null), why, (a, b) -> a.equals(b) ? a : a + "; " + b);
        }
    }

    /** Every class compiled into {@code root} under package {@code io.veroforge.operator}, loaded without initializing it. */
    static List<Class<?>> operatorClasses(Path root) {
        Path packageDir = root.resolve("io/veroforge/operator");
        if (!Files.isDirectory(packageDir)) {
            throw new AssertionError("no compiled operator classes under " + packageDir + " (run the build first)");
        }
        ClassLoader loader = OperatorRbacNeeds.class.getClassLoader();
        try (Stream<Path> files = Files.walk(packageDir)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted()
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name, false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            throw new AssertionError("cannot load operator class " + name, e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class bound to type parameter {@code index} of {@code target} somewhere above {@code start}. */
    static Class<?> typeArgument(Class<?> start, Class<?> target, int index) {
        Type found = find(start, target, index, Map.of());
        if (found instanceof Class<?> c) {
            return c;
        }
        if (found instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new AssertionError("cannot tell which type " + start.getName() + " binds to parameter " + index
                + " of " + target.getSimpleName() + " (found " + found + "); give it a concrete type argument");
    }

    private static Type find(Type type, Class<?> target, int index, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                bindings.put(variables[i], argument instanceof TypeVariable<?> v && outer.containsKey(v) ? outer.get(v) : argument);
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw.equals(target)) {
            return bindings.get(target.getTypeParameters()[index]);
        }
        List<Type> supertypes = new ArrayList<>(List.of(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(0, raw.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Type found = find(supertype, target, index, bindings);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
