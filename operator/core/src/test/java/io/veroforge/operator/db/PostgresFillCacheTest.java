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

import io.veroforge.generator.ai.FillCache;
import io.veroforge.generator.ai.LlmGapFiller;

/** The platform's fill cache against the real PostgreSQL, in a database of its own, created and dropped here. */
class PostgresFillCacheTest {
    private static final FillCache.Entry ENTRY = new FillCache.Entry(List.of("import { UnprocessableEntityException } from '@nestjs/common';"),
            "const row = ctx.row as { id?: unknown } | null;\nif (!row) {\n  return;\n}", 0.85, "openai:gpt-4o-mini", "sha256:" + "ab".repeat(32), 2);

    private String database;
    private SharedPostgres server;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "vf_fill_cache_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        admin("CREATE DATABASE " + database);
        server = new SharedPostgres(PostgresFixture.URL.replaceFirst("/postgres$", "/" + database), "postgres", null, "127.0.0.1", 5432);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void aStoredFillIsReadBackAsItWasStoredAndAnotherKeyIsAMiss() {
        PostgresFillCache cache = new PostgresFillCache(server);
        String key = LlmGapFiller.cacheKey("prompt", "gpt-4o-mini", "rev1", LlmGapFiller.VERSION);

        assertThat(cache.get(key)).isEmpty();
        cache.put(key, ENTRY);

        assertThat(cache.get(key)).contains(ENTRY);
        assertThat(cache.get(LlmGapFiller.cacheKey("prompt", "gpt-4o-mini", "rev2", LlmGapFiller.VERSION))).isEmpty();
    }

    @Test
    void theFirstFillOfAKeyStaysAndAnotherOperatorInstanceReadsTheSameTable() {
        String key = LlmGapFiller.cacheKey("prompt", "m", "rev", LlmGapFiller.VERSION);
        new PostgresFillCache(server).put(key, ENTRY);
        PostgresFillCache restarted = new PostgresFillCache(server); // migrates again: nothing to do

        restarted.put(key, new FillCache.Entry(List.of(), "return;", 0.1, "ollama:llama3", "sha256:" + "cd".repeat(32), 1));

        assertThat(restarted.get(key)).contains(ENTRY);
    }

    @Test
    void flywayCreatesTheTableInThePlatformSchemaOnce() throws SQLException {
        new PostgresFillCache(server).migrate();
        new PostgresFillCache(server).migrate();

        try (Connection c = PostgresConnections.open(server.jdbcUrl(), "postgres", null); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT version FROM veroforge_platform.veroforge_platform_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            // one history for the platform's tables: 1 the fill cache, 2 the app vectors (PlatformSchema)
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("1");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("2");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void anUnreachableServerIsReportedAsUnavailable() {
        PostgresFillCache cache = new PostgresFillCache(new SharedPostgres("jdbc:postgresql://127.0.0.1:9/postgres?connectTimeout=1", "postgres", null,
                "127.0.0.1", 5432));

        assertThatThrownBy(() -> cache.get(LlmGapFiller.cacheKey("p", "m", "r", "v"))).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("gap fill cache");
    }

    @Test
    void aKeyThatIsNotADigestIsRefused() {
        assertThatThrownBy(() -> new PostgresFillCache(server).get("x'; DROP TABLE t; --")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha-256");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = PostgresConnections.open(PostgresFixture.URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
