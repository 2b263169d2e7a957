package io.ovr.alpr.sinks.sql;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Which database errors are about the records (never retried) and which about the database (retried). */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * Data exceptions (class 22: bad value, out of range, invalid text) and integrity violations
     * (class 23): the same records would fail again, so the batch is split to find them.
     */
    static boolean isRecordError(SQLException e) {
        for (SQLException cur = e; cur != null; cur = cur.getNextException()) {
            if (cur instanceof SQLTransientException) {
                return false;
            }
            String state = cur.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
