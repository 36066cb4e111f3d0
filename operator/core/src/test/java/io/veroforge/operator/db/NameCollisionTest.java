package io.veroforge.operator.db;

import static io.veroforge.operator.db.PostgresFixture.uidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.migrate.MigrationPlan;
import io.veroforge.generator.migrate.MigrationPlanner;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 §1 against the real PostgreSQL: Tenant {@code acme} with app {@code studio} next to
 * Tenant {@code acme-studio}, in both orders, and the states the old names may have left behind.
 * Nothing is ever taken over or dropped that was not created for its owner.
 */
class NameCollisionTest {


    private final PostgresFixture postgres = new PostgresFixture();
    private final TenantDatabaseProvisioner provisioner = postgres.provisioner;
    private final AppSchemaMigrator migrator = new AppSchemaMigrator();

    @AfterEach
    void dropTenants() {
        postgres.close();
    }

    @Test
    void tenantCreatedAfterAnotherTenantsAppOfTheSameOldNameTakesNothingOverAndDeletingItKeepsTheAppsData() throws Exception {
        String acme = postgres.newTenant("acme", Tier.basic);
        provisioner.ensure(acme, uidOf(acme), Tier.basic, PostgresFixture.newPassword());
        AppDatabase studio = app(acme, "studio");
        migrator.apply(studio, 1, "studio-1", plan(), false);
        insertGadget(studio, "kept");

        String acmeStudio = postgres.tenantNamed(acme + "-studio", Tier.basic);
        provisioner.ensure(acmeStudio, uidOf(acmeStudio), Tier.basic, PostgresFixture.newPassword());
        provisioner.drop(acmeStudio, uidOf(acmeStudio), Tier.basic);

        assertThat(ownerOf(studio.schema().value())).isEqualTo(TenantDatabaseNames.of(acme).role());
        assertThat(postgres.queryValue("SELECT label FROM " + SqlIdentifier.quote(studio.schema().value()) + ".gadgets")).isEqualTo("kept");
        assertThat(migrator.apply(studio, 1, "studio-1", plan(), false).alreadyApplied()).isTrue();
    }

    @Test
    void appCreatedAfterATenantOfTheSameOldNameLeavesThatTenantsSchemaAlone() throws Exception {
        String acme = postgres.newTenant("acme", Tier.basic);
        String acmeBilling = postgres.tenantNamed(acme + "-billing", Tier.basic);
        provisioner.ensure(acmeBilling, uidOf(acmeBilling), Tier.basic, PostgresFixture.newPassword());
        provisioner.ensure(acme, uidOf(acme), Tier.basic, PostgresFixture.newPassword());

        MigrationOutcome outcome = migrator.apply(app(acme, "billing"), 1, "billing-1", plan(), false);

        assertThat(outcome.result()).isEqualTo(MigrationOutcome.Result.APPLIED);
        assertThat(ownerOf(TenantDatabaseNames.of(acmeBilling).schema())).isEqualTo(TenantDatabaseNames.of(acmeBilling).role());
        assertThat(ownerOf(app(acme, "billing").schema().value())).isEqualTo(TenantDatabaseNames.of(acme).role());
    }

    @Test
    void aTakeOverLeftByTheOldNamesIsReportedToBothAndDeletingTheTakerKeepsTheData() throws Exception {
        String acme = postgres.newTenant("acme", Tier.basic);
        provisioner.ensure(acme, uidOf(acme), Tier.basic, PostgresFixture.newPassword());
        AppDatabase studio = app(acme, "studio");
        String legacy = oldLayoutOf(studio);
        String acmeStudio = postgres.tenantNamed(acme + "-studio", Tier.basic);
        TenantDatabaseNames taker = TenantDatabaseNames.of(acmeStudio);
        assertThat(taker.schema()).isEqualTo(legacy);
        // what the old ensure of acme-studio did: its role, and ALTER SCHEMA ... OWNER TO it
        postgres.execute("CREATE ROLE " + taker.role() + " NOLOGIN");
        postgres.execute("ALTER SCHEMA " + legacy + " OWNER TO " + taker.role());

        assertThatThrownBy(() -> provisioner.ensure(acmeStudio, uidOf(acmeStudio), Tier.basic, PostgresFixture.newPassword()))
                .isInstanceOf(NameConflictException.class).hasMessageContaining("schema " + legacy)
                .hasMessageContaining("migration history");
        assertThatThrownBy(() -> migrator.apply(studio, 2, "studio-2", plan(), false))
                .isInstanceOf(NameConflictException.class).hasMessageContaining("schema " + legacy);
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_namespace WHERE nspname = ?", studio.schema().value())).isEqualTo(0L);

        List<String> kept = provisioner.drop(acmeStudio, uidOf(acmeStudio), Tier.basic);

        assertThat(kept).containsExactly("schema " + legacy);
        assertThat(postgres.queryValue("SELECT label FROM " + legacy + ".gadgets")).isEqualTo("kept");
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_roles WHERE rolname = ?", taker.role())).isEqualTo(0L);
    }

    @Test
    void anAppsDataUnderItsOldNameIsNotMovedSilentlyAndIsUsedOnceRenamed() throws Exception {
        String acme = postgres.newTenant("acme", Tier.basic);
        provisioner.ensure(acme, uidOf(acme), Tier.basic, PostgresFixture.newPassword());
        AppDatabase studio = app(acme, "studio");
        String legacy = oldLayoutOf(studio);
        String acmeStudio = postgres.tenantNamed(acme + "-studio", Tier.basic);

        assertThatThrownBy(() -> provisioner.ensure(acmeStudio, uidOf(acmeStudio), Tier.basic, PostgresFixture.newPassword()))
                .isInstanceOf(NameConflictException.class).hasMessageContaining("not owned by the tenant's role");
        assertThat(ownerOf(legacy)).isEqualTo(TenantDatabaseNames.of(acme).role());
        assertThatThrownBy(() -> migrator.apply(studio, 2, "studio-2", plan(), false))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("ALTER SCHEMA \"" + legacy + "\" RENAME TO \"" + studio.schema().value() + "\"");

        postgres.execute("ALTER SCHEMA \"" + legacy + "\" RENAME TO \"" + studio.schema().value() + "\"");

        assertThat(migrator.appliedVersions(studio)).extracting(AppSchemaMigrator.AppliedVersion::version).containsExactly(1);
        assertThat(migrator.apply(studio, 2, "studio-2", unchanged(), false).result()).isEqualTo(MigrationOutcome.Result.APPLIED);
        provisioner.ensure(acmeStudio, uidOf(acmeStudio), Tier.basic, PostgresFixture.newPassword());
        provisioner.drop(acmeStudio, uidOf(acmeStudio), Tier.basic);
        assertThat(postgres.queryValue("SELECT label FROM " + SqlIdentifier.quote(studio.schema().value()) + ".gadgets")).isEqualTo("kept");
    }

    @Test
    void aNameRecordedForAnotherTenantIsRefusedAndNothingIsCreated() throws Exception {
        String acme = postgres.newTenant("acme", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(acme);
        provisioner.ensure(acme, uidOf(acme), Tier.basic, PostgresFixture.newPassword());
        provisioner.drop(acme, uidOf(acme), Tier.basic);
        postgres.execute("INSERT INTO veroforge.owned_objects (kind, database, name, tenant_uid, tenant_name, app)"
                + " VALUES ('schema', 'postgres', '" + names.schema() + "', 'uid-other', 'other', 'x')");
        postgres.cleanupSql("DELETE FROM veroforge.owned_objects WHERE tenant_uid = 'uid-other'");

        assertThatThrownBy(() -> provisioner.ensure(acme, uidOf(acme), Tier.basic, PostgresFixture.newPassword()))
                .isInstanceOf(NameConflictException.class).hasMessageContaining("belongs to app x of Tenant other (uid uid-other)");

        assertThat(postgres.queryValue("SELECT count(*) FROM pg_namespace WHERE nspname = ?", names.schema())).isEqualTo(0L);
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(0L);
    }

    @Test
    void aTenantRecreatedAfterRetainGetsItsDataBackButANewTenantOfTheNameWithoutRetainDoesNot() throws Exception {
        String acme = postgres.newTenant("acme", Tier.basic);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(acme, uidOf(acme), Tier.basic, password);
        AppDatabase studio = app(acme, "studio");
        migrator.apply(studio, 1, "studio-1", plan(), false);

        provisioner.retain(acme, Tier.basic);
        provisioner.ensure(acme, "uid-recreated", Tier.basic, password);
        AppDatabase again = AppDatabase.on(postgres.server, acme, "uid-recreated", Tier.basic, "studio");
        assertThat(migrator.apply(again, 1, "studio-1", plan(), false).alreadyApplied()).isTrue();

        assertThatThrownBy(() -> provisioner.ensure(acme, "uid-impostor", Tier.basic, password))
                .isInstanceOf(NameConflictException.class).hasMessageContaining("uid-recreated");
        provisioner.drop(acme, "uid-recreated", Tier.basic);
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_namespace WHERE nspname = ?", studio.schema().value())).isEqualTo(0L);
        assertThat(postgres.queryValue("SELECT count(*) FROM veroforge.owned_objects WHERE tenant_name = ?", acme)).isEqualTo(0L);
    }

    /** The app's data as the old operator left it: migrated, one row, in the schema of its old name ({@code <tenant schema>_<app>}). */
    private String oldLayoutOf(AppDatabase app) throws SQLException {
        migrator.apply(app, 1, app.appName() + "-1", plan(), false);
        insertGadget(app, "kept");
        String legacy = app.schema().legacyValue();
        postgres.execute("ALTER SCHEMA " + SqlIdentifier.quote(app.schema().value()) + " RENAME TO " + SqlIdentifier.quote(legacy));
        postgres.execute("DELETE FROM veroforge.owned_objects WHERE kind = 'schema' AND name = '" + app.schema().value() + "'");
        postgres.cleanupSql("DROP SCHEMA IF EXISTS " + SqlIdentifier.quote(legacy) + " CASCADE");
        return legacy;
    }

    private AppDatabase app(String tenant, String app) {
        return AppDatabase.on(postgres.server, tenant, uidOf(tenant), Tier.basic, app);
    }

    private void insertGadget(AppDatabase app, String body) throws SQLException {
        // the pack's audit trigger names its table unqualified: the app's schema must be on the search path
        postgres.execute("SET search_path TO " + SqlIdentifier.quote(app.schema().value())
                + "; INSERT INTO gadgets (tenant_id, label) VALUES ('t1', '" + body + "')");
    }

    private String ownerOf(String schema) throws SQLException {
        return (String) postgres.queryValue("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", schema);
    }

    private static MigrationPlan plan() {
        return MigrationPlanner.plan(null, model());
    }

    private static MigrationPlan unchanged() {
        return MigrationPlanner.plan(model(), model());
    }

    private static ResolvedModel model() {
        Resolution r = new AppModelResolver().resolve(new SpecAnalyzer().analyze(AppSchemaMigratorTest.SPEC, "clinic.yaml"));
        assertThat(r.errors()).isEmpty();
        return r.model();
    }
}
