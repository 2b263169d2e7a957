package io.ovr.alpr.api.ops;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Ready when a pooled connection to PostgreSQL answers a validity check within a second. */
public final class DatabaseReadiness implements ReadinessCheck {

    private final DataSource dataSource;

    public DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Result check() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1) ? new Result("postgresql", true, "ok")
                    : new Result("postgresql", false, "connection not valid");
        } catch (SQLException e) {
            return new Result("postgresql", false, "unreachable (" + e.getSQLState() + ")");
        }
    }
}
