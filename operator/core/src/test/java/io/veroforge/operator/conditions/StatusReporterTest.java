package io.veroforge.operator.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantStatus;

/** The status reporter without a cluster: a fixed clock, a list for the Warnings. */
class StatusReporterTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final List<String> warned = new ArrayList<>();

    private StatusReporter<Tenant, TenantStatus> reporterAt(Instant now) {
        return new StatusReporter<>(new ConditionAggregator(Clock.fixed(now, ZoneOffset.UTC)),
                (about, reason, message) -> warned.add(reason + " " + message), (c, all) -> true);
    }

    @Test
    void conditionsCarryTheObservedGenerationAndTheTimeOfTheirLastFlip() {
        Tenant tenant = tenant(3);
        TenantStatus first = reporterAt(T0).conditioned(tenant, new TenantStatus(), List.of(
                ConditionOutcome.met("NamespaceReady", "Provisioned", "namespace exists"),
                ConditionOutcome.failed("Ready", "DatabaseUnavailable", "connection refused")));
        tenant.setStatus(first);

        TenantStatus later = reporterAt(T0.plusSeconds(90)).conditioned(tenant, new TenantStatus(), List.of(
                ConditionOutcome.met("NamespaceReady", "Provisioned", "namespace exists"),
                ConditionOutcome.met("Ready", "Provisioned", "all in place")));

        assertThat(later.getObservedGeneration()).isEqualTo(3L);
        assertThat(later.getConditions()).extracting(Condition::getObservedGeneration).containsOnly(3L);
        assertThat(later.condition("NamespaceReady").orElseThrow().getLastTransitionTime()).as("still True: time kept")
                .isEqualTo("2026-12-02T10:00:00Z");
        assertThat(later.condition("Ready").orElseThrow().getLastTransitionTime()).as("flipped to True")
                .isEqualTo("2026-12-02T10:01:30Z");
    }

    @Test
    void anUnchangedStatusIsNotWrittenAgain() {
        Tenant tenant = tenant(1);
        StatusReporter<Tenant, TenantStatus> reporter = reporterAt(T0);
        List<ConditionOutcome> outcomes = List.of(ConditionOutcome.met("Ready", "Provisioned", "all in place"));
        UpdateControl<Tenant> first = reporter.report(tenant, reporter.conditioned(tenant, new TenantStatus(), outcomes));
        assertThat(first.isPatchStatus()).isTrue();

        UpdateControl<Tenant> second = reporterAt(T0.plusSeconds(60)).report(tenant,
                reporterAt(T0.plusSeconds(60)).conditioned(tenant, new TenantStatus(), outcomes));
        assertThat(second.isNoUpdate()).isTrue();
    }

    @Test
    void aFailureWarnsOnceUntilItsReasonChanges() {
        Tenant tenant = tenant(1);
        StatusReporter<Tenant, TenantStatus> reporter = reporterAt(T0);
        for (String reason : List.of("DatabaseUnavailable", "DatabaseUnavailable", "DatabaseUnavailable", "NameConflict")) {
            TenantStatus status = reporter.conditioned(tenant, new TenantStatus(),
                    List.of(ConditionOutcome.failed("DatabaseReady", reason, "see " + reason)));
            reporter.report(tenant, status);
        }
        assertThat(warned).containsExactly("DatabaseUnavailable DatabaseReady: see DatabaseUnavailable",
                "NameConflict DatabaseReady: see NameConflict");
    }

    @Test
    void onlyTheConditionsTheKindChoosesWarn() {
        Tenant tenant = tenant(1);
        StatusReporter<Tenant, TenantStatus> reporter = new StatusReporter<>(new ConditionAggregator(Clock.fixed(T0, ZoneOffset.UTC)),
                (about, reason, message) -> warned.add(reason), StatusReporter.ownFailure("Ready"));
        reporter.reportError(tenant, reporter.conditioned(tenant, new TenantStatus(), List.of(
                ConditionOutcome.failed("DatabaseReady", "DatabaseError", "x"),
                ConditionOutcome.failed("Ready", "DatabaseError", "DatabaseReady: x"))));
        assertThat(warned).as("Ready repeats the piece's reason: one Warning").containsExactly("DatabaseError");

        Tenant invalid = tenant(1);
        reporter.report(invalid, reporter.conditioned(invalid, new TenantStatus(), List.of(
                ConditionOutcome.met("NamespaceReady", "Provisioned", "ok"),
                ConditionOutcome.failed("Ready", "InvalidSpec", "spec.owners: at least one owner"))));
        assertThat(warned).as("Ready's own reason warns").containsExactly("DatabaseError", "InvalidSpec");
    }

    private static Tenant tenant(long generation) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName("acme").withGeneration(generation).build());
        return tenant;
    }
}
