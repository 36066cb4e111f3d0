package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The apps' fingerprint vectors against the real PostgreSQL, in a database of its own, created and dropped here. */
class PostgresAppVectorsTest {
    private String database;
    private SharedPostgres server;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "vf_app_vectors_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        admin("postgres", "CREATE DATABASE " + database);
        server = new SharedPostgres(PostgresFixture.URL.replaceFirst("/postgres$", "/" + database), "postgres", null, "127.0.0.1", 5432);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void eachAppSeesTheOtherAppsOfItsNamespaceOnlyWithTheVectorsAsStored() {
        PostgresAppVectors vectors = new PostgresAppVectors(server);
        assertThat(vectors.keepAndListOthers("tenant-a", "pests", "h1", new float[] {0.25f, -1.5f, 3e-7f})).isEmpty();
        vectors.keepAndListOthers("tenant-b", "elsewhere", "h9", new float[] {1, 1, 1});

        List<PostgresAppVectors.Stored> others = new PostgresAppVectors(server).keepAndListOthers("tenant-a", "bugs", "h2", new float[] {1, 0, 0});

        assertThat(others).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("pests");
            assertThat(s.vector()).containsExactly(0.25f, -1.5f, 3e-7f);
        });
    }

    @Test
    void anUnchangedFingerprintIsNotRewrittenAChangedOneIsAndAForgottenAppIsGone() throws SQLException {
        PostgresAppVectors vectors = new PostgresAppVectors(server);
        vectors.keepAndListOthers("tenant-a", "pests", "h1", new float[] {1, 0});
        String written = admin(database, "SELECT xmin::text FROM veroforge_platform.app_vectors WHERE name = 'pests'");

        vectors.keepAndListOthers("tenant-a", "pests", "h1", new float[] {1, 0});
        assertThat(admin(database, "SELECT xmin::text FROM veroforge_platform.app_vectors WHERE name = 'pests'")).isEqualTo(written);

        vectors.keepAndListOthers("tenant-a", "pests", "h2", new float[] {0, 1});
        assertThat(vectors.keepAndListOthers("tenant-a", "bugs", "h3", new float[] {1, 1})).singleElement()
                .satisfies(s -> assertThat(s.vector()).containsExactly(0f, 1f));

        vectors.forget("tenant-a", "pests");
        assertThat(vectors.keepAndListOthers("tenant-a", "bugs", "h3", new float[] {1, 1})).isEmpty();
    }

    @Test
    void anUnreachableServerIsReportedAsUnavailableNamingTheTable() {
        PostgresAppVectors vectors = new PostgresAppVectors(new SharedPostgres("jdbc:postgresql://127.0.0.1:9/postgres?connectTimeout=1", "postgres",
                null, "127.0.0.1", 5432));

        assertThatThrownBy(() -> vectors.keepAndListOthers("tenant-a", "pests", "h", new float[] {1})).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("app vectors");
    }

    private static String admin(String db, String sql) throws SQLException {
        try (Connection c = PostgresConnections.open(PostgresFixture.URL.replaceFirst("/postgres$", "/" + db), "postgres", null);
                Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return null;
            }
            try (ResultSet rows = s.getResultSet()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
