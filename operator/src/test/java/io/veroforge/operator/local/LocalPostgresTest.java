package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    @Test
    void usesThePostgresOnPort5432WhenItAcceptsConnections() {
        assumeTrue(LocalPostgres.accepts("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""),
                "needs the trust-auth PostgreSQL on 127.0.0.1:5432 that CI provides");
        try (LocalPostgres pg = LocalPostgres.start()) {
            assertThat(pg.source()).isEqualTo(LocalPostgres.Source.LOCAL_SERVER);
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
            assertThat(pg.port()).isEqualTo(5432);
            assertThat(pg.describe()).startsWith("local server");
        }
    }

    @Test
    void startsAnEmbeddedPostgresWhenNothingAnswers() throws Exception {
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        try (LocalPostgres pg = LocalPostgres.start("127.0.0.1", unused)) {
            assertThat(pg.source()).isEqualTo(LocalPostgres.Source.EMBEDDED);
            assertThat(pg.port()).isNotEqualTo(unused);
            assertThat(LocalPostgres.accepts(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()))
                    .as("embedded server accepts %s", pg.jdbcUrl()).isTrue();
        }
    }
}
