package io.ticketrush.platform.web;

import java.io.IOException;
import java.sql.SQLException;

/** Tells a lost connection to PostgreSQL or Redis from other failures of the stores. */
final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * Whether a cause is an I/O failure, a JDBC connection failure (SQL state class 08) or a closed
     * connection, and not, say, a constraint or a script error.
     */
    static boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || String.valueOf(sql.getMessage()).contains("Connection is closed"))) {
                return true;
            }
            if (cause instanceof org.springframework.data.redis.RedisConnectionFailureException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
