package io.ovr.alpr.devstack;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class its own fresh database (dropped afterwards) on the
 * machine's PostgreSQL when one answers, else on an embedded one; {@link #owned()} always starts
 * an embedded server the tests may stop and start (outage tests). Use it as a static
 * {@code @RegisterExtension} field; {@link #newDatabase()} gives a test a database of its own.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

    private final boolean owned;
    private PostgresServer server;
    private PostgresDatabase database;

    private PostgresExtension(boolean owned) {
        this.owned = owned;
    }

    /** The machine's server when it answers, otherwise an embedded one. */
    public static PostgresExtension machineOrEmbedded() {
        return new PostgresExtension(false);
    }

    /** Always an embedded server owned by the test class, which may stop and start it. */
    public static PostgresExtension owned() {
        return new PostgresExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = owned ? PostgresServer.embedded(Optional.empty(), 0) : PostgresServer.machineOrEmbedded();
        database = server.createDatabase("alpr_it");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (database != null) {
                if (server.isEmbedded()) {
                    server.start(); // a test may have left it stopped
                }
                database.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    public PostgresServer server() {
        return server;
    }

    /** The class's database. */
    public PostgresDatabase database() {
        return database;
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** Another fresh database on the same server, for one test; the caller closes (drops) it. */
    public PostgresDatabase newDatabase() {
        return server.createDatabase("alpr_it");
    }
}
