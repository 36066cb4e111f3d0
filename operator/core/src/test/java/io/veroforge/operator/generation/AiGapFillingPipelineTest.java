package io.veroforge.operator.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.GapCounts;
import io.veroforge.api.v1alpha1.GapFillProvenance;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.localapi.SimulatedControllers;
import io.veroforge.operator.conditions.ConditionAggregator;
import io.veroforge.operator.config.GeneratorParts;
import io.veroforge.operator.db.DatabaseUnavailableException;
import io.veroforge.operator.delivery.git.AppGitCredentials;
import io.veroforge.operator.delivery.git.PlatformGit;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.OnConflict;
import io.veroforge.operator.testing.OpenAiChatServer;
import io.veroforge.operator.testing.PipelineWaits;
import io.veroforge.operator.testing.TestPostgres;

/**
 * Gap filling with a model, through the whole pipeline: the operator configured for an
 * OpenAI-compatible provider (a local server speaking the protocol, {@link OpenAiChatServer}),
 * real PostgreSQL (tenant schemas and the platform's fill cache), real Git. An AppSpec with one
 * business rule in its requirements has exactly one gap.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
@QuarkusTestResource(value = OpenAiChatServer.class, restrictToAnnotatedClass = true)
class AiGapFillingPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String GAP_FILE = "api/src/gaps/business-rule-requirements-0.gap.ts";
    /** Narrows the row and awaits its count: what the rule asks, and nothing the scanner refuses. */
    private static final String RULE_BODY = "const row = ctx.row as { technicianId?: unknown } | null;\n"
            + "if (!row || typeof row.technicianId !== 'string') {\n  return;\n}\n"
            + "const assigned = await ctx.tx.job.count({ where: { technicianId: row.technicianId } });\n"
            + "if (assigned > 6) {\n  throw new UnprocessableEntityException('a technician may not be assigned more than 6 jobs per day');\n}";
    private static final List<String> RULE_IMPORTS = List.of("import { UnprocessableEntityException } from '@nestjs/common';");

    @Inject
    KubernetesClient client;
    @Inject
    PlatformGit platformGit;
    @Inject
    GeneratorParts generator;
    @Inject
    MeterRegistry registry;

    @Test
    void aFillThatPassesValidationIsCommittedWithProvenanceHeldForApprovalAndServedFromTheCacheNextTime() throws Exception {
        OpenAiChatServer.answerWith(OpenAiChatServer.fill(RULE_IMPORTS, RULE_BODY, 0.8));
        int before = OpenAiChatServer.received().size();
        double requestsCounted = count("veroforge.ai.requests");
        double hitsCounted = count("veroforge.ai.cache.hits");
        String ns = waits().readyTenant("ai-fill", "AI test");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            client.resource(dispatchApp(ns, "Technicians may not be assigned more than 6 jobs per day.")).create();

            // AI-written code is risky under auto-unless-risky: a person approves it first.
            Generation waiting = waits().awaitGeneration(ns, "dispatch-1", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            assertThat(waiting.getStatus().getApproval().getReason()).contains("1 gap(s) filled by AI-written code");
            assertThat(OpenAiChatServer.received()).hasSize(before + 1);
            assertThat(OpenAiChatServer.received().get(before).path("model").asText()).isEqualTo(OpenAiChatServer.MODEL);
            assertThat(OpenAiChatServer.received().get(before).toString()).contains("Technicians may not be assigned more than 6 jobs per day.");
            approve(ns, "dispatch-1");

            Generation done = waits().awaitGeneration(ns, "dispatch-1", PipelineWaits.succeeded());
            GapCounts gaps = done.getStatus().getGaps();
            assertThat(gaps.getFilledByAi()).isEqualTo(1);
            assertThat(gaps.getUnfilled()).isZero();
            assertThat(gaps.getAiCalls()).isEqualTo(1);
            assertThat(gaps.getAiTokens()).isEqualTo(1290L);
            assertThat(gaps.getAiCacheHits()).isZero();
            assertThat(gaps.getAiFallbackReason()).isNull();
            assertThat(gaps.getFilled()).singleElement().satisfies(p -> {
                assertThat(p.getGap()).isEqualTo("business-rule-requirements-0");
                assertThat(p.getModel()).isEqualTo("openai:" + OpenAiChatServer.MODEL);
                assertThat(p.getPromptHash()).matches("sha256:[0-9a-f]{64}");
                assertThat(p.getAttempts()).isEqualTo(1);
                assertThat(p.getConfidence()).isEqualTo(0.8);
                assertThat(p.getCached()).isFalse();
            });
            assertThat(ConditionAggregator.find(done.getStatus().getConditions(), "AiDegraded")).isNull();
            assertThat(count("veroforge.ai.requests") - requestsCounted).isEqualTo(1);

            // The fill is what reached the customer's branch, with its provenance in the file header.
            String file = fileOnMain(ns, "dispatch", GAP_FILE);
            assertThat(file).contains("if (!row || typeof row.technicianId !== 'string') {")
                    .contains("// AI provenance: openai:" + OpenAiChatServer.MODEL + ", prompt " + gaps.getFilled().get(0).getPromptHash())
                    .doesNotContain("NotImplementedException");

            // After a restart (nothing in memory) the files are rendered again from the snapshot and the cache: the same bytes, no request.
            int requests = OpenAiChatServer.received().size();
            assertThat(new GeneratedCode(generator).of(done).get(GAP_FILE)).isEqualTo(file);
            assertThat(OpenAiChatServer.received()).hasSize(requests);
        }

        // The same contract in another tenant: answered from the PostgreSQL fill cache, no request.
        int afterFirst = OpenAiChatServer.received().size();
        String other = waits().readyTenant("ai-cache", "AI test");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(other)) {
            client.resource(dispatchApp(other, "Technicians may not be assigned more than 6 jobs per day.")).create();
            waits().awaitGeneration(other, "dispatch-1", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            approve(other, "dispatch-1");
            Generation done = waits().awaitGeneration(other, "dispatch-1", PipelineWaits.succeeded());
            assertThat(OpenAiChatServer.received()).as("requests to the provider for the second, cached Generation").hasSize(afterFirst);
            GapCounts gaps = done.getStatus().getGaps();
            assertThat(gaps.getFilledByAi()).isEqualTo(1);
            assertThat(gaps.getAiCalls()).isZero();
            assertThat(gaps.getAiCacheHits()).isEqualTo(1);
            assertThat(count("veroforge.ai.cache.hits") - hitsCounted).isEqualTo(1);
            GapFillProvenance p = gaps.getFilled().get(0);
            assertThat(p.getCached()).isTrue();
            assertThat(p.getAttempts()).isEqualTo(1);
            assertThat(fileOnMain(other, "dispatch", GAP_FILE)).contains("typeof row.technicianId !== 'string'").contains(", from cache");

            // A fill the cache lost cannot be rendered again: other code than Scan passed is never produced, the stage is retried.
            try (Connection c = TestPostgres.connectAsAdmin(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("DELETE FROM veroforge_platform.gap_fill_cache")).isPositive();
            }
            assertThatThrownBy(() -> new GeneratedCode(generator).of(done)).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("business-rule-requirements-0").hasMessageContaining("recorded by the Synthesize stage");
        }
    }

    @Test
    void aProviderAnsweringOnly500sLeavesTheGapTemplateOnlyAndTheGenerationSucceedsWithAiDegraded() throws Exception {
        OpenAiChatServer.failWith(500);
        int before = OpenAiChatServer.received().size();
        String ns = waits().readyTenant("ai-down", "AI test");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            // another rule than the other test's: nothing in the cache answers it
            client.resource(dispatchApp(ns, "Dispatchers may not book a job on a Sunday.")).create();

            // nothing AI-written, nothing risky: no approval needed
            Generation done = waits().awaitGeneration(ns, "dispatch-1", PipelineWaits.succeeded());
            assertThat(OpenAiChatServer.received()).as("2 attempts (veroforge.ai.max-attempts) for the one gap").hasSize(before + 2);
            GapCounts gaps = done.getStatus().getGaps();
            assertThat(gaps.getFilledByAi()).isZero();
            assertThat(gaps.getTemplateOnly()).isEqualTo(1);
            assertThat(gaps.getUnfilled()).isEqualTo(1);
            assertThat(gaps.getFilled()).isEmpty();
            assertThat(gaps.getAiFallbackReason()).isEqualTo("ProviderServerError");
            Condition degraded = ConditionAggregator.find(done.getStatus().getConditions(), "AiDegraded");
            assertThat(degraded).isNotNull();
            assertThat(degraded.getStatus()).isEqualTo("True");
            assertThat(degraded.getReason()).isEqualTo("ProviderServerError");
            assertThat(degraded.getMessage()).contains("HTTP 500").contains("openai " + OpenAiChatServer.MODEL).contains("template-only");
            assertThat(done.getStatus().getApproval().getState().toString()).isEqualTo("NotRequired");
            assertThat(fileOnMain(ns, "dispatch", GAP_FILE)).contains("VEROFORGE-GAP").contains("NotImplementedException");
            assertThat(client.v1().events().inNamespace(ns).list().getItems())
                    .anyMatch(e -> "AiDegraded".equals(e.getReason()) && "Warning".equals(e.getType()));
            assertThat(registry.find("veroforge.ai.degraded").tag("reason", "ProviderServerError").counter()).isNotNull()
                    .satisfies(c -> assertThat(c.count()).isPositive());
        }
    }

    @Test
    void aBudgetOfOneGapFillsOneAndSaysTheRestStayedTemplateOnly() throws Exception {
        OpenAiChatServer.answerWith(OpenAiChatServer.fill(List.of(), "const row = ctx.row as { id?: unknown } | null;\nif (!row) {\n  return;\n}\n"
                + "await ctx.tx.job.count();", 0.6));
        int before = OpenAiChatServer.received().size();
        String ns = waits().readyTenant("ai-budget", "AI test");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec app = dispatchApp(ns, "Every job is checked by a dispatcher before it is closed. A closed job can not be reopened.");
            app.getSpec().getAi().setMaxGapsPerGeneration(1);
            client.resource(app).create();

            waits().awaitGeneration(ns, "dispatch-1", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            approve(ns, "dispatch-1");
            Generation done = waits().awaitGeneration(ns, "dispatch-1", PipelineWaits.succeeded());
            assertThat(OpenAiChatServer.received()).hasSize(before + 1);
            GapCounts gaps = done.getStatus().getGaps();
            assertThat(gaps.getFilledByAi()).isEqualTo(1);
            assertThat(gaps.getUnfilled()).isEqualTo(1);
            assertThat(gaps.getAiFallbackReason()).isEqualTo("AiBudgetExceeded");
            Condition degraded = ConditionAggregator.find(done.getStatus().getConditions(), "AiDegraded");
            assertThat(degraded.getReason()).isEqualTo("AiBudgetExceeded");
            assertThat(degraded.getMessage()).contains("spec.ai.maxGapsPerGeneration is 1");
        }
    }

    // --- fixtures -------------------------------------------------------------------------------

    private double count(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static AppSpec dispatchApp(String namespace, String requirements) {
        AppSpec app = Serialization.unmarshal("""
                apiVersion: veroforge.io/v1alpha1
                kind: AppSpec
                metadata:
                  name: dispatch
                spec:
                  vertical: field-service
                  entities:
                    - name: Job
                    - name: Technician
                """, AppSpec.class);
        app.getMetadata().setNamespace(namespace);
        app.getSpec().setRequirements(requirements);
        return app;
    }

    private PipelineWaits waits() {
        return new PipelineWaits(client, WAIT);
    }

    private void approve(String ns, String generation) {
        OnConflict.retry(() -> client.resources(Generation.class).inNamespace(ns).withName(generation).edit(g -> {
            Map<String, String> annotations = g.getMetadata().getAnnotations() == null ? new HashMap<>() : g.getMetadata().getAnnotations();
            annotations.put(Generation.APPROVE_ANNOTATION, "alice");
            g.getMetadata().setAnnotations(annotations);
            return g;
        }));
    }

    /** A file of the customer's branch, cloned from the platform's Git server with the app's credentials. */
    private String fileOnMain(String ns, String app, String path) throws Exception {
        AppGitCredentials credentials = AppGitCredentials.read(client, ns, app).orElseThrow();
        Path clone = Files.createTempDirectory("ai-clone");
        try (Git git = Git.cloneRepository().setURI(platformGit.cloneUrl(ns, app)).setDirectory(clone.toFile())
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password())).call()) {
            return Files.readString(clone.resolve(path));
        }
    }
}
