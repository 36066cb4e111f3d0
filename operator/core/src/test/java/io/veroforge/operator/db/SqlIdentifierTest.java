package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SqlIdentifierTest {

    @Test
    void wrapsNamesInDoubleQuotes() {
        assertThat(SqlIdentifier.quote("tenant_acme")).isEqualTo("\"tenant_acme\"");
    }

    @Test
    void doublesEmbeddedDoubleQuotes() {
        assertThat(SqlIdentifier.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void quotedNamesReachPostgresExactlyAsGiven() throws Exception {
        String hostile = "x\"; DROP ROLE postgres; --'$$ \\ é";
        try (PostgresFixture postgres = new PostgresFixture();
             Connection admin = postgres.admin();
             Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT 1 AS " + SqlIdentifier.quote(hostile))) {
            assertThat(row.getMetaData().getColumnLabel(1)).isEqualTo(hostile);
        }
    }

    @Test
    void rejectsNul() {
        assertThatThrownBy(() -> SqlIdentifier.quote("a\0b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    @Test
    void rejectsEmptyAndMissingNames() {
        assertThatThrownBy(() -> SqlIdentifier.quote("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlIdentifier.quote(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsSixtyThreeBytesAndRejectsSixtyFour() {
        assertThat(SqlIdentifier.quote("a".repeat(63))).hasSize(65);
        assertThatThrownBy(() -> SqlIdentifier.quote("a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 bytes");
    }

    @Test
    void countsBytesNotCharacters() {
        // 32 two-byte characters: 32 characters but 64 bytes, which PostgreSQL would truncate
        assertThatThrownBy(() -> SqlIdentifier.quote("é".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertThatThrownBy(() -> SqlIdentifier.quote("a\uD800b")).isInstanceOf(IllegalArgumentException.class);
    }
}
