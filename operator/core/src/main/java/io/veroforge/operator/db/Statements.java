package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs a list of DDL statements in one round trip (a JDBC batch), so a converge costs one exchange. */
final class Statements {

    private Statements() {
    }

    static void execute(Connection connection, List<String> statements) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (statements.size() == 1) {
                statement.execute(statements.get(0));
                return;
            }
            for (String sql : statements) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
        }
    }
}
