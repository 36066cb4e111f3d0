package io.veroforge.operator.app;

import static io.veroforge.operator.app.AppSpecConditions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Condition;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.ResolvedModelSummary;
import io.veroforge.api.v1alpha1.SimilarApp;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.OriginKind;
import io.veroforge.generator.model.Regime;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.operator.conditions.StatusReporter;
import io.veroforge.operator.failures.Failure;
import io.veroforge.operator.conditions.ConditionOutcome;

/**
 * The one place an AppSpec's status is built. What later stages own (the deployed Generation,
 * the app URL, the repository) is carried forward untouched.
 */
final class AppSpecStatusAggregator {
    /** Conditions are read in terminals and events: a long problem list is cut here, with a count of the rest. */
    static final int MAX_MESSAGE = 4000;

    private final StatusReporter<AppSpec, AppSpecStatus> reporter;

    AppSpecStatusAggregator(StatusReporter<AppSpec, AppSpecStatus> reporter) {
        this.reporter = reporter;
    }

    /** The spec resolved and {@code latest} records it; {@code deployed} serves (its URL and repository are the app's). */
    AppSpecStatus recorded(AppSpec appSpec, ResolvedModel model, List<String> warnings, List<SimilarApp> similar, Generation latestGeneration,
            Optional<Generation> deployed) {
        String latest = latestGeneration.getMetadata().getName();
        AppSpecStatus status = base(appSpec, List.of(
                warnings.isEmpty()
                        ? ConditionOutcome.met(RESOLVED, RESOLVED_OK, summaryLine(model))
                        : ConditionOutcome.met(RESOLVED, RESOLVED_WITH_WARNINGS, summaryLine(model) + "; " + listed(warnings, "warning")
                                + " (all in status.warnings)"),
                ConditionOutcome.met(READY, GENERATION_RECORDED, "Generation " + latest + " records the current spec"),
                deployedOutcome(latestGeneration, deployed)));
        status.setResolved(summary(model));
        status.setWarnings(warnings);
        status.setSimilarApps(similar);
        status.setLatestGeneration(latest);
        deployed.ifPresent(g -> {
            status.setDeployedGeneration(g.getMetadata().getName());
            if (g.getStatus().getDeployment() != null && g.getStatus().getDeployment().getUrl() != null) {
                status.setAppUrl(g.getStatus().getDeployment().getUrl());
            }
            if (g.getStatus().getCommit() != null) {
                status.setRepository(g.getStatus().getCommit().getRepository());
            }
        });
        return status;
    }

    /**
     * A draft: the model resolved and is previewed in {@code status.preview}; no Generation was created for it, so
     * Ready is False with reason Draft (not a failure: no Warning). Generations recorded before keep their names.
     */
    AppSpecStatus draft(AppSpec appSpec, ResolvedModel model, List<String> warnings, ModelSnapshot snapshot, List<SimilarApp> similar) {
        AppSpecStatus status = base(appSpec, List.of(
                warnings.isEmpty()
                        ? ConditionOutcome.met(RESOLVED, RESOLVED_OK, summaryLine(model))
                        : ConditionOutcome.met(RESOLVED, RESOLVED_WITH_WARNINGS, summaryLine(model) + "; " + listed(warnings, "warning")
                                + " (all in status.warnings)"),
                ConditionOutcome.failed(READY, DRAFT, "a draft: the resolved model is previewed in status.preview; no Generation is"
                        + " recorded until spec.draft is false or removed")));
        status.setResolved(summary(model));
        status.setWarnings(warnings);
        status.setPreview(snapshot.compressed());
        status.setSimilarApps(similar);
        status.setLatestGeneration(previous(appSpec).getLatestGeneration());
        return status;
    }

    /** Deployed: the newest Generation serves; otherwise where its run is, in its own words. */
    private static ConditionOutcome deployedOutcome(Generation latest, Optional<Generation> deployed) {
        String name = latest.getMetadata().getName();
        if (deployed.isPresent() && deployed.get().getMetadata().getName().equals(name)) {
            return ConditionOutcome.met(DEPLOYED, DEPLOYED_OK, name + " serves");
        }
        Optional<Condition> run = latest.getStatus() == null ? Optional.empty() : latest.getStatus().condition("Succeeded");
        String serving = deployed.map(g -> "; " + g.getMetadata().getName() + " keeps serving").orElse("");
        return ConditionOutcome.failed(DEPLOYED, run.map(Condition::getReason).orElse(NOT_STARTED),
                name + ": " + run.map(Condition::getMessage).orElse("not started yet") + serving);
    }

    /** A spec its author must fix: every problem with its path; no Generation was created. */
    AppSpecStatus invalid(AppSpec appSpec, List<String> problems) {
        String message = listed(problems, "problem");
        AppSpecStatus status = base(appSpec, List.of(
                ConditionOutcome.failed(RESOLVED, INVALID_SPEC, message),
                ConditionOutcome.failed(READY, INVALID_SPEC, message)));
        status.setLatestGeneration(previous(appSpec).getLatestGeneration());
        return status;
    }

    /** The spec resolved, but to a model larger than a Generation records: none is created. */
    AppSpecStatus tooLarge(AppSpec appSpec, ResolvedModel model, String why) {
        AppSpecStatus status = base(appSpec, List.of(
                ConditionOutcome.met(RESOLVED, RESOLVED_OK, summaryLine(model)),
                ConditionOutcome.failed(READY, MODEL_TOO_LARGE, why)));
        status.setResolved(summary(model));
        status.setLatestGeneration(previous(appSpec).getLatestGeneration());
        return status;
    }

    /** An unexpected failure (the API server refused a call): keep what we knew, say what broke. */
    AppSpecStatus failed(AppSpec appSpec, Failure failure) {
        AppSpecStatus previous = previous(appSpec);
        List<ConditionOutcome> outcomes = new ArrayList<>();
        for (Condition c : previous.getConditions()) {
            if (!READY.equals(c.getType())) {
                outcomes.add(ConditionOutcome.of(c));
            }
        }
        outcomes.add(ConditionOutcome.failed(READY, failure.reason(), failure instanceof Failure.Internal bug
                ? bug.describe() + " — a bug in the operator (its log has the stack trace)" : failure.message()));
        AppSpecStatus status = base(appSpec, outcomes);
        status.setResolved(previous.getResolved());
        status.setLatestGeneration(previous.getLatestGeneration());
        return status;
    }

    private AppSpecStatus base(AppSpec appSpec, List<ConditionOutcome> outcomes) {
        AppSpecStatus previous = previous(appSpec);
        AppSpecStatus status = reporter.conditioned(appSpec, new AppSpecStatus(), outcomes);
        status.setDeployedGeneration(previous.getDeployedGeneration());
        status.setAppUrl(previous.getAppUrl());
        status.setRepository(previous.getRepository());
        return status;
    }

    private static AppSpecStatus previous(AppSpec appSpec) {
        return appSpec.getStatus() == null ? new AppSpecStatus() : appSpec.getStatus();
    }

    /** The size of the model; endpoints and views as the template pack counts them. */
    static ResolvedModelSummary summary(ResolvedModel model) {
        ResolvedModelSummary summary = new ResolvedModelSummary();
        List<Entity> entities = model.entities();
        summary.setEntities(entities.size());
        summary.setInferredEntities((int) entities.stream()
                .filter(e -> e.origin() != null && e.origin().kind() != OriginKind.EXPLICIT).count());
        summary.setEndpoints(Pack.endpointsOf(model));
        summary.setViews(Pack.uiViewsOf(model));
        summary.setWorkflows(model.workflows().size());
        summary.setCompliance(model.compliance().regimes().stream().map(Regime::keyword).toList());
        return summary;
    }

    private static String summaryLine(ResolvedModel model) {
        List<String> regimes = model.compliance().regimes().stream().map(Regime::keyword).toList();
        return model.entities().size() + " entities, " + model.workflows().size() + " workflows"
                + (regimes.isEmpty() ? "" : ", compliance " + String.join(", ", regimes));
    }

    /**
     * Every problem that fits, then a count of the rest. Each problem arrives with its long values
     * already shortened ({@code Problem.toString}); one that is still too long on its own keeps
     * its start (the path) and its end (the fix) rather than vanishing.
     */
    static String listed(List<String> problems, String noun) {
        StringBuilder message = new StringBuilder(problems.size() + " " + noun + (problems.size() == 1 ? ": " : "s: "));
        for (int i = 0; i < problems.size(); i++) {
            String problem = problems.get(i);
            String rest = i + 1 < problems.size() ? "; … and " + (problems.size() - i - 1) + " more" : "";
            if (i == 0) {
                message.append(keepEnds(problem, MAX_MESSAGE - message.length() - rest.length()));
                continue;
            }
            if (message.length() + 2 + problem.length() > MAX_MESSAGE - rest.length()) {
                return message.append("; … and ").append(problems.size() - i).append(" more").toString();
            }
            message.append("; ").append(problem);
        }
        return message.toString();
    }

    private static String keepEnds(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String gap = " … ";
        int head = (max - gap.length()) * 2 / 3;
        int tail = max - gap.length() - head;
        return text.substring(0, head) + gap + text.substring(text.length() - tail);
    }
}
