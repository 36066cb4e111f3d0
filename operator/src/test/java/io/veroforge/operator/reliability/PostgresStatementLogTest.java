package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unquoted-SQL check reads statements without their comments, and nothing else is dropped. */
class PostgresStatementLogTest {

    @Test
    void commentsGoAndStringsStayAsWritten() {
        assertThat(PostgresStatementLog.withoutComments("-- a phrase with vfq'm\nCREATE TABLE t (x text) /* vfq'm */"))
                .isEqualTo("\nCREATE TABLE t (x text) ");
        assertThat(PostgresStatementLog.withoutComments("COMMENT ON TABLE t IS 'it''s -- not a comment vfq''m'"))
                .isEqualTo("COMMENT ON TABLE t IS 'it''s -- not a comment vfq''m'");
        // spliced in unescaped: the marker survives, so the check sees it
        assertThat(PostgresStatementLog.withoutComments("SELECT 'Robert'); DROP TABLE x; -- vfq'm'")).contains("DROP TABLE x");
        assertThat(PostgresStatementLog.withoutComments("SELECT 'vfq'm'")).contains(HostileObjects.QUOTE_MARKER);
    }
}
