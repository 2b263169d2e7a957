package io.ovr.alpr.sinks.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how the sinks keep it.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://localhost:5432/alpr}
 * @param user null when the URL carries it
 * @param password null when the URL carries it or none is needed
 * @param poolSize connections kept by HikariCP
 * @param retention how long plate events are kept (partitions or chunks older are dropped); zero keeps forever
 * @param partitionsAhead days of partitions created ahead of today (native partitioning)
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize, Duration retention,
                             int partitionsAhead) {

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be >= 1");
        }
    }

    public static DatabaseConfig of(String jdbcUrl) {
        return new DatabaseConfig(jdbcUrl, null, null, 4, Duration.ofDays(90), 3);
    }

    public DatabaseConfig withCredentials(String newUser, String newPassword) {
        return new DatabaseConfig(jdbcUrl, newUser, newPassword, poolSize, retention, partitionsAhead);
    }

    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(jdbcUrl, user, password, size, retention, partitionsAhead);
    }

    public DatabaseConfig withRetention(Duration value) {
        return new DatabaseConfig(jdbcUrl, user, password, poolSize, value, partitionsAhead);
    }

    /** Whole days of retention, 0 for forever. */
    public int retentionDays() {
        return retention.isZero() || retention.isNegative() ? 0 : (int) Math.max(1, retention.toDays());
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***") + ", user=" + user
                + ", pool=" + poolSize + ", retention=" + retention + "]";
    }
}
