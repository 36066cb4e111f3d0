package io.veroforge.operator.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.DeliverySpec;
import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.api.v1alpha1.FieldSpec;
import io.veroforge.api.v1alpha1.FieldType;
import io.veroforge.api.v1alpha1.GitRepositorySpec;

/**
 * One app of the Generation chaos scenario and what its census expects: where its code lives (the
 * platform-kept repository, or a customer's remote whose {@code main} holds the customer's own
 * commits), how many Generations it should have, and the customer's work that must survive.
 */
public final class ChaosApp {
    /** The column the regeneration adds (field {@code chaosNote} of Product): proof that version 2 ran. */
    static final String ADDED_COLUMN = "chaos_note";

    /** A small retail app, template-only: two entities and a relation, so each Generation is quick. */
    private static final String APP = """
            apiVersion: veroforge.io/v1alpha1
            kind: AppSpec
            metadata:
              name: %s
              namespace: %s
            spec:
              vertical: retail
              ai:
                enabled: false
              entities:
                - name: Store
                  fields:
                    - {name: name, type: string, required: true, maxLength: 120}
                    - {name: city, type: string}
                - name: Product
                  fields:
                    - {name: sku, type: string, required: true, unique: true, maxLength: 40}
                    - {name: price, type: money, required: true, min: 0}
                  relations:
                    - {name: store, kind: manyToOne, target: Store, required: true}
            """;

    private final String namespace;
    private final String name;
    /** The customer host's repository name; null: the platform keeps the repository. */
    private final String remoteRepository;
    private final Map<String, String> customerFiles = new LinkedHashMap<>();
    private final List<String> customerCommits = new ArrayList<>();
    private int expectedGenerations;

    ChaosApp(String namespace, String name, String remoteRepository) {
        this.namespace = namespace;
        this.name = name;
        this.remoteRepository = remoteRepository;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public String remoteRepository() {
        return remoteRepository;
    }

    /** The files the customer committed on main, by path, with the content they must still have. */
    public Map<String, String> customerFiles() {
        return customerFiles;
    }

    public List<String> customerCommits() {
        return customerCommits;
    }

    public int expectedGenerations() {
        return expectedGenerations;
    }

    /** What the customer pushed: it must stay on main, unchanged, whatever the operator does. */
    void customerPushed(String commit, Map<String, String> files) {
        customerCommits.add(commit);
        customerFiles.putAll(files);
    }

    /** The AppSpec as first applied: one Generation. {@code remotePort}: where the operator reaches the customer's host. */
    AppSpec appSpec(int remotePort) {
        AppSpec app = Serialization.unmarshal(String.format(Locale.ROOT, APP, name, namespace), AppSpec.class);
        if (remoteRepository != null) {
            GitRepositorySpec git = new GitRepositorySpec();
            git.setUrl(CustomerGitRemote.url(remotePort, remoteRepository));
            git.setSecretRef(CustomerGitRemote.SECRET);
            DeliverySpec delivery = app.getSpec().getDelivery() == null ? new DeliverySpec() : app.getSpec().getDelivery();
            delivery.setGit(git);
            app.getSpec().setDelivery(delivery);
        }
        expectedGenerations = 1;
        return app;
    }

    /** The change of the regeneration: a nullable field, an additive migration that needs no approval. */
    AppSpec regenerated(AppSpec app) {
        EntitySpec product = app.getSpec().getEntities().stream().filter(e -> e.getName().equals("Product")).findFirst().orElseThrow();
        if (product.getFields().stream().noneMatch(f -> f.getName().equals("chaosNote"))) {
            FieldSpec field = new FieldSpec();
            field.setName("chaosNote");
            field.setType(FieldType.TEXT);
            product.getFields().add(field);
        }
        expectedGenerations = 2;
        return app;
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
