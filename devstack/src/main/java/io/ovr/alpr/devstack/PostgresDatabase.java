package io.ovr.alpr.devstack;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One database on a {@link PostgresServer}. A database created for a test is dropped on close
 * (connections still open to it are terminated); an ensured one (the demo's) is kept.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final boolean dropOnClose;

    PostgresDatabase(PostgresServer server, String name, boolean dropOnClose) {
        this.server = server;
        this.name = name;
        this.dropOnClose = dropOnClose;
    }

    public String name() {
        return name;
    }

    /** JDBC URL with credentials, e.g. {@code jdbc:postgresql://127.0.0.1:5432/alpr_it_ab12?user=postgres}. */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public PostgresServer server() {
        return server;
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return PostgresServer.connect(jdbcUrl());
    }

    @Override
    public void close() {
        if (dropOnClose) {
            server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return name + " on " + PostgresServer.withoutPassword(server.adminJdbcUrl());
    }
}
