package io.ovr.alpr.cli.options;

import io.ovr.alpr.sinks.sql.DatabaseConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where PostgreSQL/TimescaleDB is, and how long plate events are kept there. */
public final class DatabaseOptions {

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            defaultValue = "${env:ALPR_DB_URL:-jdbc:postgresql://localhost:5432/alpr}",
            description = "PostgreSQL JDBC URL (env ALPR_DB_URL, default ${DEFAULT-VALUE}).")
    public String url;

    @Option(names = "--db-user", defaultValue = "${env:ALPR_DB_USER:-alpr}",
            description = "Database user (env ALPR_DB_USER, default ${DEFAULT-VALUE}).")
    public String user;

    @Option(names = "--db-password", defaultValue = "${env:ALPR_DB_PASSWORD}",
            description = "Database password (env ALPR_DB_PASSWORD).")
    public String password;

    @Option(names = "--db-pool-size", defaultValue = "${env:ALPR_DB_POOL_SIZE:-4}",
            description = "Pooled connections (env ALPR_DB_POOL_SIZE, default ${DEFAULT-VALUE}).")
    public int poolSize;

    @Option(names = "--db-retention-days", defaultValue = "${env:ALPR_DB_RETENTION_DAYS:-90}",
            description = "Days of plate events kept; older partitions/chunks are dropped, 0 keeps all"
                    + " (env ALPR_DB_RETENTION_DAYS, default ${DEFAULT-VALUE}).")
    public int retentionDays;

    public DatabaseConfig config() {
        return new DatabaseConfig(url, user == null || user.isBlank() ? null : user, password, poolSize,
                Duration.ofDays(retentionDays), 3);
    }
}
