package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test: no two different owners ever get the same schema, role or database name. Names
 * are generated from a fixed seed (reproducible) and biased towards the hard cases: {@code -} and
 * {@code --} where the old scheme joined with {@code _}, tenant names that are another tenant's name
 * plus an app name, and names long enough to be cut and hashed.
 */
class DerivedNamesAreInjectiveTest {

    private static final long SEED = 20261202L;
    private static final int TENANTS = 400;
    private static final int APPS_PER_TENANT = 60;
    private static final String ALPHABET = "ab-0";

    @Test
    void noTenantAndNoTenantAppPairShareASchemaName() {
        Random random = new Random(SEED);
        Map<String, String> schemaOwners = new HashMap<>(); // schema name -> who got it
        Map<String, String> roleOwners = new HashMap<>();
        Map<String, String> databaseOwners = new HashMap<>();
        int pairs = 0;
        int hashed = 0;
        for (int t = 0; t < TENANTS; t++) {
            String tenant = tenantName(random);
            TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
            claim(schemaOwners, names.schema(), "tenant " + tenant);
            claim(roleOwners, names.role(), "tenant " + tenant);
            claim(databaseOwners, names.database(), "tenant " + tenant);
            for (int a = 0; a < APPS_PER_TENANT; a++) {
                String app = appName(random);
                AppSchemaName schema = AppSchemaName.of(names.schema(), app);
                assertThat(schema.value().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SqlIdentifier.MAX_BYTES);
                assertThat(SqlIdentifier.quote(schema.value())).isNotBlank();
                assertThat(AppSchemaName.of(names.schema(), app)).isEqualTo(schema); // stable
                claim(schemaOwners, schema.value(), "app " + app + " of tenant " + tenant);
                pairs++;
                hashed += schema.value().length() == SqlIdentifier.MAX_BYTES ? 1 : 0;
                // the tenant the old scheme let collide with this app: <tenant>-<app>, when it is a valid tenant name
                String rival = tenant + "-" + app;
                if (rival.length() <= TenantDatabaseNames.MAX_TENANT_NAME_LENGTH && Character.isLetterOrDigit(rival.charAt(rival.length() - 1))) {
                    TenantDatabaseNames rivalNames = TenantDatabaseNames.of(rival);
                    assertThat(rivalNames.schema()).isEqualTo(schema.legacyValue()); // the old scheme collided here
                    claim(schemaOwners, rivalNames.schema(), "tenant " + rival);
                    claim(roleOwners, rivalNames.role(), "tenant " + rival);
                    claim(databaseOwners, rivalNames.database(), "tenant " + rival);
                }
            }
        }
        assertThat(pairs).isEqualTo(TENANTS * APPS_PER_TENANT);
        assertThat(hashed).as("long names that were cut and hashed").isGreaterThan(1_000);
    }

    @Test
    void theIssuesExamplesGetDistinctNames() {
        String acmeStudio = TenantDatabaseNames.of("acme-studio").schema();
        String studioOfAcme = AppSchemaName.of(TenantDatabaseNames.of("acme").schema(), "studio").value();
        String billingOfAcme = AppSchemaName.of(TenantDatabaseNames.of("acme").schema(), "billing").value();

        assertThat(acmeStudio).isEqualTo("tenant_acme_studio");
        assertThat(studioOfAcme).isEqualTo("app_4_acme_studio");
        assertThat(billingOfAcme).isNotEqualTo(TenantDatabaseNames.of("acme-billing").schema());
        // '-' and "--" in either name: the length of the tenant part keeps them apart
        assertThat(AppSchemaName.of(TenantDatabaseNames.of("a-b").schema(), "c").value()).isEqualTo("app_3_a_b_c")
                .isNotEqualTo(AppSchemaName.of(TenantDatabaseNames.of("a").schema(), "b-c").value());
        assertThat(AppSchemaName.of(TenantDatabaseNames.of("a--b").schema(), "c").value())
                .isNotEqualTo(AppSchemaName.of(TenantDatabaseNames.of("a").schema(), "b--c").value())
                .isNotEqualTo(AppSchemaName.of(TenantDatabaseNames.of("a-b").schema(), "-c".substring(1)).value());
    }

    @Test
    void cutNamesKeepTheWholeTenantPartAndAreNeverASpelledOutName() {
        String tenant = "t" + "-x".repeat(19) + "z"; // 40 characters, the longest allowed
        AppSchemaName cut = AppSchemaName.of(TenantDatabaseNames.of(tenant).schema(), "a".repeat(200));

        assertThat(cut.value()).hasSize(SqlIdentifier.MAX_BYTES).startsWith("app_40_" + tenant.replace('-', '_') + "_a");
        assertThat(AppSchemaName.of(TenantDatabaseNames.of("acme").schema(), "x".repeat(51)).value())
                .isEqualTo("app_4_acme_" + "x".repeat(51)).hasSize(AppSchemaName.SPELLED_OUT_MAX);
        assertThat(AppSchemaName.of(TenantDatabaseNames.of("acme").schema(), "x".repeat(52)).value())
                .hasSize(SqlIdentifier.MAX_BYTES).startsWith("app_4_acme_" + "x".repeat(38) + "_");
    }

    private static void claim(Map<String, String> owners, String name, String owner) {
        String previous = owners.putIfAbsent(name, owner);
        assertThat(previous == null || previous.equals(owner))
                .as("%s is derived for both %s and %s", name, previous, owner).isTrue();
    }

    /** A tenant name (DNS label, at most 40): short or long, with '-' and '--', sometimes another tenant's prefix. */
    private static String tenantName(Random random) {
        int length = random.nextInt(4) == 0 ? 30 + random.nextInt(11) : 1 + random.nextInt(8);
        return label(random, 'a', length);
    }

    /** An app name (DNS label): mostly short, a quarter long enough to be cut and hashed. */
    private static String appName(Random random) {
        int length = random.nextInt(4) == 0 ? 20 + random.nextInt(60) : 1 + random.nextInt(6);
        return label(random, ALPHABET.charAt(random.nextInt(2)), length);
    }

    private static String label(Random random, char first, int length) {
        StringBuilder name = new StringBuilder().append(first);
        while (name.length() < length) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        while (name.charAt(name.length() - 1) == '-') {
            name.setCharAt(name.length() - 1, 'b');
        }
        return name.toString();
    }
}
