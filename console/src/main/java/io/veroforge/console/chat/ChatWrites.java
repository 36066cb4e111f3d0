package io.veroforge.console.chat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecSpec;
import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.api.v1alpha1.FieldSpec;
import io.veroforge.api.v1alpha1.FieldType;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.writes.FieldProblem;
import io.veroforge.console.writes.YamlDiff;

/**
 * The chat's writes to a draft AppSpec, as the person: start it, append a message to {@code spec.requirements},
 * set a field of an entity, and Create (clear {@code spec.draft}). Each write also appends its turn to the
 * {@link Transcript}, and before a new turn the console's answer to the previous one (what the preview proposed), so
 * the transcript reads as the conversation was. A message or a field changes only a draft, which runs nothing, so it
 * is written at once (the API server's refusals come back at their field); Create starts Generations, so it is
 * previewed first: the spec's diff and the same update with {@code dryRun=All}. Every update carries the
 * resourceVersion the person saw: a draft changed meanwhile (another tab) is refused with 409, never overwritten.
 */
@ApplicationScoped
public class ChatWrites {
    private final ClusterClients clients;

    @Inject
    public ChatWrites(ClusterClients clients) {
        this.clients = clients;
    }

    /** Why a write was not made; {@code status} is what the page answers with (409 changed meanwhile, 422 invalid). */
    public record Refusal(int status, List<FieldProblem> problems) {
        static Refusal of(int status, String field, String message) {
            return new Refusal(status, List.of(new FieldProblem(field, message)));
        }
    }

    /** What Create changes and whether the API server would accept it; nothing is stored. */
    public record CreatePreview(YamlDiff diff, List<FieldProblem> problems, String resourceVersion) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** A new draft in {@code namespace} (the caller checked it is a Tenant's the person owns). */
    public Optional<Refusal> start(ConsoleUser user, String namespace, String name, String vertical, String message) {
        if (message == null || message.isBlank()) {
            return Optional.of(Refusal.of(422, "message", "describe the business first: what it does, who it serves, what it keeps track of"));
        }
        Transcript transcript = new Transcript(List.of()).with(turn(user, "message", message.trim()));
        AppSpecSpec spec = new AppSpecSpec();
        spec.setRequirements(message.trim());
        spec.setVertical(vertical == null || vertical.isBlank() ? null : vertical.trim());
        spec.setDraft(true);
        AppSpec app = new AppSpec();
        app.setMetadata(new ObjectMetaBuilder().withName(name == null ? "" : name.trim()).withNamespace(namespace)
                .withAnnotations(Map.of(Transcript.ANNOTATION, transcript.json())).build());
        app.setSpec(spec);
        try (KubernetesClient client = clients.actingAs(user)) {
            client.resource(app).create();
            return Optional.empty();
        } catch (KubernetesClientException refused) {
            return Optional.of(refusal(refused, app));
        }
    }

    /** Appends {@code message} to the draft's requirements (a new paragraph). */
    public Optional<Refusal> say(ConsoleUser user, AppSpec app, String message, String shownVersion) {
        if (message == null || message.isBlank()) {
            return Optional.of(Refusal.of(422, "message", "the message is empty: say what to add or change"));
        }
        AppSpec changed = copy(app);
        String before = app.getSpec().getRequirements();
        changed.getSpec().setRequirements(before == null || before.isBlank() ? message.trim() : before + "\n\n" + message.trim());
        return update(user, app, changed, turn(user, "message", message.trim()), shownVersion);
    }

    /**
     * Declares {@code field} of {@code entity} with {@code type} in the spec (explicit wins over what the analyzer
     * proposed). The first field set writes the whole preview out as declarations ({@link ProposalDeclarations}), so
     * the model keeps its entities, fields and relations; an entity without fields given one here keeps the
     * ontology's fields beside it ({@code ontologyDefaults: true}).
     */
    public Optional<Refusal> setField(ConsoleUser user, AppSpec app, String entity, String field, String type, boolean required,
            String shownVersion) {
        if (entity == null || entity.isBlank()) {
            return Optional.of(Refusal.of(422, "entity", "name the entity the field belongs to, e.g. Inspection"));
        }
        if (field == null || field.isBlank()) {
            return Optional.of(Refusal.of(422, "field", "name the field, e.g. price"));
        }
        FieldType fieldType = ChatPages.fieldType(type).orElse(null);
        if (fieldType == null) {
            return Optional.of(Refusal.of(422, "type", "'" + type + "' is not a field type; choose one of " + ChatPages.fieldTypes()));
        }
        AppSpec changed = copy(app);
        List<EntitySpec> entities = new ArrayList<>(changed.getSpec().getEntities());
        DraftPreview shown = DraftPreview.of(app);
        if (entities.isEmpty() && shown.previewed()) {
            entities.addAll(ProposalDeclarations.of(shown.model()));
        }
        EntitySpec declared = entities.stream().filter(e -> entity.trim().equals(e.getName())).findFirst().orElse(null);
        if (declared == null) {
            declared = new EntitySpec(entity.trim());
            entities.add(declared);
        }
        if (declared.getFields().isEmpty()) {
            declared.setOntologyDefaults(true);
        }
        List<FieldSpec> fields = new ArrayList<>(declared.getFields());
        fields.removeIf(f -> field.trim().equals(f.getName()));
        FieldSpec spec = new FieldSpec(field.trim(), fieldType);
        spec.setRequired(required ? Boolean.TRUE : null);
        fields.add(spec);
        declared.setFields(fields);
        changed.getSpec().setEntities(entities);
        String said = entity.trim() + "." + field.trim() + ": " + type.trim() + (required ? ", required" : "");
        return update(user, app, changed, turn(user, "field", said), shownVersion);
    }

    public CreatePreview previewCreate(ConsoleUser user, AppSpec app) {
        AppSpec created = created(app);
        YamlDiff diff = YamlDiff.between(Serialization.asYaml(app.getSpec()), Serialization.asYaml(created.getSpec()));
        List<FieldProblem> problems;
        try (KubernetesClient client = clients.actingAs(user)) {
            client.resource(created).dryRun().update();
            problems = List.of();
        } catch (KubernetesClientException refused) {
            problems = FieldProblem.of(refused);
        }
        return new CreatePreview(diff, problems, app.getMetadata().getResourceVersion());
    }

    /** Clears the draft mark: the AppSpec reconciler records the first Generation. */
    public Optional<Refusal> create(ConsoleUser user, AppSpec app, String shownVersion) {
        return update(user, app, created(app), turn(user, "create", "Create"), shownVersion);
    }

    private Optional<Refusal> update(ConsoleUser user, AppSpec app, AppSpec changed, Transcript.Turn said, String shownVersion) {
        String name = app.getMetadata().getName();
        if (!app.getSpec().drafted()) {
            return Optional.of(Refusal.of(409, "spec.draft", "app " + name + " is no longer a draft (it was created); change it on its app page"));
        }
        if (shownVersion == null || !shownVersion.equals(app.getMetadata().getResourceVersion())) {
            return Optional.of(changedMeanwhile(name));
        }
        Transcript transcript = Transcript.of(app);
        DraftPreview answered = DraftPreview.of(app);
        if (transcript.endsWithPerson() && answered.previewed()) {
            transcript = transcript.with(new Transcript.Turn("console", "", "answer", answered.summary(), now()));
        }
        transcript = transcript.with(said);
        if (transcript.tooLong()) {
            return Optional.of(Refusal.of(422, "metadata.annotations." + Transcript.ANNOTATION, "the conversation is longer than "
                    + Transcript.MAX_CHARACTERS + " characters; go on by editing spec.requirements in the app's YAML"));
        }
        Map<String, String> annotations = new HashMap<>(changed.getMetadata().getAnnotations() == null ? Map.of()
                : changed.getMetadata().getAnnotations());
        annotations.put(Transcript.ANNOTATION, transcript.json());
        changed.getMetadata().setAnnotations(annotations);
        changed.getMetadata().setResourceVersion(shownVersion);
        try (KubernetesClient client = clients.actingAs(user)) {
            client.resource(changed).update();
            return Optional.empty();
        } catch (KubernetesClientException refused) {
            return Optional.of(refused.getCode() == 409 ? changedMeanwhile(name) : refusal(refused, changed));
        }
    }

    private static AppSpec created(AppSpec app) {
        AppSpec created = copy(app);
        created.getSpec().setDraft(null);
        return created;
    }

    private static Refusal refusal(KubernetesClientException refused, AppSpec app) {
        if (refused.getCode() == 403) {
            return Refusal.of(403, "", "the cluster does not let you write AppSpecs in " + app.getMetadata().getNamespace()
                    + " (RBAC decides)");
        }
        if (refused.getCode() == 409) {
            return Refusal.of(409, "metadata.name", "an app named " + app.getMetadata().getName() + " exists already; choose another name");
        }
        return new Refusal(422, FieldProblem.of(refused));
    }

    private static Refusal changedMeanwhile(String name) {
        return Refusal.of(409, "", "app " + name + " changed since this page was shown (another tab?); look at it again and resend");
    }

    private static AppSpec copy(AppSpec app) {
        return Serialization.unmarshal(Serialization.asJson(app), AppSpec.class);
    }

    private static Transcript.Turn turn(ConsoleUser user, String kind, String text) {
        return new Transcript.Turn("you", user.name(), kind, text, now());
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
