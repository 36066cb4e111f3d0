package io.veroforge.operator.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.SimilarApp;
import io.veroforge.api.v1alpha1.TemplatePackRef;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.operator.conditions.ConditionAggregator;
import io.veroforge.operator.conditions.StatusReporter;
import io.veroforge.operator.config.GeneratorParts;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.delivery.ArgoCdRepositoryCredentials;
import io.veroforge.operator.delivery.GitOpsDeploy;
import io.veroforge.operator.events.EventRecorder;
import io.veroforge.operator.failures.Failure;
import io.veroforge.operator.failures.InternalErrors;

/**
 * An AppSpec's story: resolve it with the generator; if it is invalid, say every problem and
 * stop; if the resolved model (with the template pack revision) differs from what the latest
 * Generation records, record it in a new immutable Generation {@code <app>-<n>} — unless it is a
 * draft ({@code spec.draft: true}), whose model is only previewed in status; keep the last
 * {@code revisionHistoryLimit} Generations and the deployed one; report.
 *
 * <p>Generations are created imperatively, not by a JOSDK dependent: a dependent manages one
 * desired object per primary, but an AppSpec accumulates a numbered history that is appended
 * to only when the content changes and pruned by age, which {@code desired()} cannot express.
 * An informer on Generations (mapped by owner reference) re-runs the story when one changes, and
 * a change of the improvements overlay (a new pack revision) re-runs it for every AppSpec.
 */
@ControllerConfiguration(name = "appspec")
@GradualRetry(maxAttempts = -1, initialInterval = 1_000, intervalMultiplier = 2.0, maxInterval = 60_000)
public class AppSpecReconciler implements Reconciler<AppSpec>, Cleaner<AppSpec> {
    private static final Logger LOG = Logger.getLogger(AppSpecReconciler.class);
    /** The retry's longest interval: how often an AppSpec that hit a bug is looked at again. */
    private static final java.time.Duration INTERNAL_ERROR_RECHECK = java.time.Duration.ofSeconds(60);
    /** The generator's input records bind the CR spec as-is (CrdAlignmentTest keeps the shapes equal). */
    private static final ObjectMapper BINDER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final EventRecorder events;
    private final GeneratorParts generator;
    private final GenerationFactory generations = new GenerationFactory();
    /** Warnings: Ready's new failures (its reason and message say what is wrong), once each. */
    private final StatusReporter<AppSpec, AppSpecStatus> reporter;
    private final AppSpecStatusAggregator statuses;
    private final InternalErrors internalErrors;

    private final PlatformConfig config;
    private final SimilarAppsIndex similarApps;

    public AppSpecReconciler(EventRecorder events, PlatformConfig config, InternalErrors internalErrors, GeneratorParts generator,
            SimilarAppsIndex similarApps) {
        this.generator = generator;
        this.similarApps = similarApps;
        this.events = events;
        this.config = config;
        this.internalErrors = internalErrors;
        this.reporter = new StatusReporter<>(new ConditionAggregator(), events::warning,
                (c, all) -> AppSpecConditions.READY.equals(c.getType()) && !AppSpecConditions.DRAFT.equals(c.getReason()));
        this.statuses = new AppSpecStatusAggregator(reporter);
    }

    /**
     * What garbage collection cannot do: the ArgoCD Application of a gitops app and its repository
     * Secret live in ArgoCD's namespace, so no owner reference reaches them, and left alone the
     * Application would keep syncing a deleted app. Generations and applied objects go by their owner references; the app's schema (data)
     * and repository (code) are kept, as a Tenant's data is by default.
     */
    @Override
    public DeleteControl cleanup(AppSpec appSpec, Context<AppSpec> context) {
        new GitOpsDeploy(context.getClient(), config.delivery().argocdNamespace()).delete(appSpec);
        new ArgoCdRepositoryCredentials(context.getClient(), config.delivery().argocdNamespace()).delete(appSpec);
        similarApps.forget(appSpec.getMetadata().getNamespace(), appSpec.getMetadata().getName());
        return DeleteControl.defaultDelete();
    }

    @Override
    public List<EventSource<?, AppSpec>> prepareEventSources(EventSourceContext<AppSpec> context) {
        return List.of(new InformerEventSource<>(InformerEventSourceConfiguration.from(Generation.class, AppSpec.class).build(), context),
                OverlayRevisionEvents.of(generator, context));
    }

    @Override
    public UpdateControl<AppSpec> reconcile(AppSpec appSpec, Context<AppSpec> context) {
        List<String> nameProblems = AppSpecNameProblems.of(appSpec);
        if (!nameProblems.isEmpty()) {
            return reporter.report(appSpec, statuses.invalid(appSpec, nameProblems));
        }
        String name = appSpec.getMetadata().getName();
        String namespace = appSpec.getMetadata().getNamespace();
        // one read: the resolver and the pack revision belong to the same overlay revision
        GeneratorParts.Current parts = generator.current();
        TemplatePacks packs = new TemplatePacks(parts.pack());
        Resolution resolution = parts.resolver().resolve(name, namespace, BINDER.convertValue(appSpec.getSpec(), AppSpecInput.class));
        List<String> problems = new ArrayList<>(resolution.errors().stream().map(Problem::toString).toList());
        Optional<TemplatePackRef> pack = packs.resolve(appSpec.getSpec().getTemplatePack());
        if (pack.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("templatePack"))) {
            problems.add("templatePack.revision: revision " + appSpec.getSpec().getTemplatePack().getRevision()
                    + " is not available — this operator generates with revision " + packs.availableRevision() + "; remove revision or set it to that");
        }
        if (!resolution.valid() || !problems.isEmpty()) {
            return reporter.report(appSpec, statuses.invalid(appSpec, problems));
        }

        ModelSnapshot snapshot = ModelSnapshot.of(resolution.model(), pack.get());
        Optional<String> tooLarge = snapshot.tooLarge();
        if (tooLarge.isPresent()) {
            return reporter.report(appSpec, statuses.tooLarge(appSpec, resolution.model(), tooLarge.get()));
        }
        List<String> warnings = resolution.warnings().stream().map(Problem::toString).toList();
        List<SimilarApp> similar = similarApps.of(namespace, name, resolution.model())
                .orElseGet(() -> appSpec.getStatus() == null ? List.of() : appSpec.getStatus().getSimilarApps());
        if (appSpec.getSpec().drafted()) {
            // the console's requirement chat: show the model, run nothing, until its author says Create
            warnAboutNewWarnings(appSpec, warnings);
            return reporter.report(appSpec, statuses.draft(appSpec, resolution.model(), warnings, snapshot, similar));
        }
        KubernetesClient client = context.getClient();
        RevisionHistory history = RevisionHistory.of(appSpec, client.resources(Generation.class).inNamespace(namespace)
                .withLabel(Generation.APPSPEC_LABEL, name).list().getItems());
        if (!history.latestRecords(snapshot.contentHash())) {
            Generation created = client.resource(generations.build(appSpec, history.nextName(), snapshot)).create();
            events.normal(appSpec, "GenerationCreated", "Generation " + created.getMetadata().getName() + " records " + snapshot.contentHash());
            history = history.with(created);
        }
        history = prune(appSpec, history, client);

        warnAboutNewWarnings(appSpec, warnings);
        return reporter.report(appSpec, statuses.recorded(appSpec, resolution.model(), warnings, similar, history.latest().orElseThrow(),
                history.deployed()));
    }

    @Override
    public ErrorStatusUpdateControl<AppSpec> updateErrorStatus(AppSpec appSpec, Context<AppSpec> context, Exception e) {
        Failure failure = Failure.of(e);
        String which = appSpec.getMetadata().getNamespace() + "/" + appSpec.getMetadata().getName();
        if (failure instanceof Failure.Internal bug) {
            LOG.errorf(e, "reconciling AppSpec %s failed: %s (a bug in the operator)", which, bug.describe());
            internalErrors.count("appspec", bug);
            // a bug repeats on every retry: look again at the longest backoff, not on JOSDK's doubling from 1 s
            return reporter.reportError(appSpec, statuses.failed(appSpec, bug)).withNoRetry().rescheduleAfter(INTERNAL_ERROR_RECHECK);
        }
        LOG.warnf(e, "reconciling AppSpec %s failed: %s", which, failure.message());
        return reporter.reportError(appSpec, statuses.failed(appSpec, failure));
    }

    /** Keeps the newest {@code revisionHistoryLimit} Generations and the deployed one. */
    private RevisionHistory prune(AppSpec appSpec, RevisionHistory history, KubernetesClient client) {
        Integer limit = appSpec.getSpec().getRevisionHistoryLimit();
        String deployed = history.deployed().map(g -> g.getMetadata().getName()).orElse(null);
        List<Generation> old = history.beyond(limit == null ? 10 : limit, deployed);
        for (Generation g : old) {
            client.resource(g).delete();
        }
        if (!old.isEmpty()) {
            events.normal(appSpec, "GenerationsPruned", "deleted " + old.stream().map(g -> g.getMetadata().getName()).toList()
                    + " beyond revisionHistoryLimit " + limit);
        }
        return history.without(old);
    }

    /** Accepted, but probably not meant: one Warning event when the list of warnings changes, not one per reconcile. */
    private void warnAboutNewWarnings(AppSpec appSpec, List<String> warnings) {
        List<String> before = appSpec.getStatus() == null ? List.of() : appSpec.getStatus().getWarnings();
        if (!warnings.isEmpty() && !warnings.equals(before)) {
            events.warning(appSpec, AppSpecConditions.RESOLVED_WITH_WARNINGS, AppSpecStatusAggregator.listed(warnings, "warning"));
        }
    }
}
