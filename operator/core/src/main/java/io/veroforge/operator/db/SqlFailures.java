package io.veroforge.operator.db;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns JDBC failures into the two outcomes the operator acts on differently: the server is
 * unavailable (retry later) or a step failed (report it). Messages are built from the server's
 * primary message and SQLState only, never from statement text, which may hold a password verifier.
 */
final class SqlFailures {

    /** 57P01-03: shutting down, crashed, starting up; 53300: too many connections. Class 08 is added below. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private SqlFailures() {
    }

    static RuntimeException translate(String step, SQLException failure) {
        // A batch failure's own message quotes the failed statement; the next exception is the
        // server's error without it.
        SQLException reported = failure instanceof BatchUpdateException && failure.getNextException() != null
                ? failure.getNextException()
                : failure;
        if (isUnavailable(reported.getSQLState())) {
            return new DatabaseUnavailableException(step + " failed: database unavailable (" + reason(reported) + ")", reported);
        }
        return new DatabaseProvisioningException(step + " failed: " + reason(reported), reported);
    }

    static boolean isUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || UNAVAILABLE_STATES.contains(sqlState));
    }

    static String reason(SQLException failure) {
        String message = failure.getMessage();
        if (failure instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                message = server.getMessage();
            }
        }
        if (message != null && message.indexOf('\n') >= 0) {
            message = message.substring(0, message.indexOf('\n'));
        }
        return message + " [SQLState " + failure.getSQLState() + "]";
    }
}
