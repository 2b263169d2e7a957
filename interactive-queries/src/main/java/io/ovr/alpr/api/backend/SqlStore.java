package io.ovr.alpr.api.backend;

import io.ovr.alpr.api.http.ApiException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's access to PostgreSQL: Jdbi over the pooled data source, with a statement timeout so no
 * request holds a connection long, and one error policy. A database that cannot answer (down,
 * timed out, not migrated yet, a view not computed yet) is a 503 with Retry-After; anything else
 * is a defect and propagates.
 */
public final class SqlStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqlStore.class);

    private final Jdbi jdbi;

    public SqlStore(DataSource dataSource, Duration queryTimeout) {
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(SqlStatements.class).setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
    }

    /** Runs {@code call} on an on-demand SQL object of type {@code dao}. */
    public <D, T> T call(Class<D> dao, String what, Function<D, T> call) {
        try {
            return jdbi.withExtension(dao, call::apply);
        } catch (JdbiException e) {
            throw unavailable(what, e);
        }
    }

    /** A failure the client may retry (503), or the exception itself when it is a defect. */
    static RuntimeException unavailable(String what, JdbiException e) {
        SQLException sql = sqlCause(e);
        String state = sql == null ? null : sql.getSQLState();
        if (sql instanceof SQLTransientException || state == null || state.startsWith("08") || state.startsWith("53")
                || state.startsWith("57") || state.equals("42P01") || state.equals("55000")) {
            LOG.warn("{}: the database cannot answer now ({}): {}", what, state, e.getMessage());
            String detail = "55000".equals(state) ? what + ": the data is not computed yet (the timescale sink"
                    + " refreshes it periodically); retry later"
                    : "42P01".equals(state) ? what + ": the database is not migrated (run alpr admin db migrate)"
                    : what + ": the database cannot answer now; retry shortly";
            return ApiException.unavailable(detail);
        }
        return e;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
