package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    @Test
    void usesThePostgresOnPort5432WhenItAcceptsConnections() throws Exception {
        assumeTrue(LocalPostgres.accepts("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""),
                "needs the trust-auth PostgreSQL on 127.0.0.1:5432 that CI provides");
        String database = "veroforge_local_test_" + ProcessHandle.current().pid();
        try (LocalPostgres pg = LocalPostgres.start("127.0.0.1", 5432, database)) {
            assertThat(pg.source()).isEqualTo(LocalPostgres.Source.LOCAL_SERVER);
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + database);
            assertThat(LocalPostgres.accepts(pg.jdbcUrl(), "postgres", "")).as("its own database, made at start").isTrue();
            assertThat(pg.port()).isEqualTo(5432);
            assertThat(pg.describe()).startsWith("local server");
        } finally {
            try (var c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", props());
                 var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void aSecondLocalPlatformOnTheSameServerIsRefusedAndTheFirstKeepsItsData() throws Exception {
        assumeTrue(LocalPostgres.accepts("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""),
                "needs the trust-auth PostgreSQL on 127.0.0.1:5432 that CI provides");
        String database = "veroforge_local_claim_" + ProcessHandle.current().pid();
        try (LocalPostgres first = LocalPostgres.start("127.0.0.1", 5432, database)) {
            try (var c = new org.postgresql.Driver().connect(first.jdbcUrl(), props()); var s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int)");
            }

            assertThatThrownBy(() -> LocalPostgres.start("127.0.0.1", 5432, database))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another VeroForge local platform (database " + database + " pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("roles are server-wide")
                    .hasMessageContaining("-Dveroforge.postgres.jdbc-url=");
            // another database on the same server would still share the tenant roles
            assertThatThrownBy(() -> LocalPostgres.start("127.0.0.1", 5432, database + "_other"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another VeroForge local platform");

            try (var c = new org.postgresql.Driver().connect(first.jdbcUrl(), props()); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM kept")) {
                assertThat(rs.next()).as("the first platform's database was not dropped").isTrue();
            }
        }
        // the claim ends with the platform: the next start gets the database, made anew
        try (LocalPostgres next = LocalPostgres.start("127.0.0.1", 5432, database);
             var c = new org.postgresql.Driver().connect(next.jdbcUrl(), props());
             var rs = c.getMetaData().getTables(null, "public", "kept", null)) {
            assertThat(rs.next()).isFalse();
        } finally {
            try (var c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", props());
                 var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static java.util.Properties props() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "postgres");
        return p;
    }

    @Test
    void startsAnEmbeddedPostgresWhenNothingAnswers() throws Exception {
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        try (LocalPostgres pg = LocalPostgres.start("127.0.0.1", unused, LocalPostgres.DATABASE)) {
            assertThat(pg.source()).isEqualTo(LocalPostgres.Source.EMBEDDED);
            assertThat(pg.port()).isNotEqualTo(unused);
            assertThat(LocalPostgres.accepts(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()))
                    .as("embedded server accepts %s", pg.jdbcUrl()).isTrue();
        }
    }
}
