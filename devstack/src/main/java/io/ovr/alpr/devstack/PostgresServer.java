package io.ovr.alpr.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server to create databases on: the machine's own when one answers at the
 * configured JDBC URL, otherwise an embedded PostgreSQL 15 (io.zonky) started in a directory of
 * this process. Only an embedded server can be stopped and started again (outage tests).
 */
public final class PostgresServer implements AutoCloseable {

    /** Environment variable naming the machine's server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. */
    public static final String URL_ENV = "ALPR_TEST_PG_URL";
    /** The machine's server the tests try first. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(?:/([^?]*))?(\\?.*)?");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String adminUrl;
    private final Optional<Path> embeddedDir;
    private final boolean deleteDirOnClose;
    private final int embeddedPort;
    private EmbeddedPostgres embedded;

    private PostgresServer(String adminUrl, Optional<Path> embeddedDir, boolean deleteDirOnClose, int embeddedPort) {
        this.adminUrl = adminUrl;
        this.embeddedDir = embeddedDir;
        this.deleteDirOnClose = deleteDirOnClose;
        this.embeddedPort = embeddedPort;
    }

    /** The machine's server at {@link #URL_ENV} (or {@link #DEFAULT_URL}) when it answers, else an embedded one. */
    public static PostgresServer machineOrEmbedded() {
        String url = Optional.ofNullable(System.getenv(URL_ENV)).filter(s -> !s.isBlank()).orElse(DEFAULT_URL);
        return machineOrEmbedded(url);
    }

    /** The server at {@code adminJdbcUrl} when it answers within 3 s, else an embedded one in a temporary directory. */
    public static PostgresServer machineOrEmbedded(String adminJdbcUrl) {
        return machineOrEmbedded(adminJdbcUrl, Optional.empty());
    }

    /**
     * The server at {@code adminJdbcUrl} when it answers within 3 s, else an embedded one whose cluster
     * lives in {@code embeddedDir} (kept across runs) or, when empty, in a temporary directory.
     */
    public static PostgresServer machineOrEmbedded(String adminJdbcUrl, Optional<Path> embeddedDir) {
        if (answers(adminJdbcUrl)) {
            LOG.info("using the PostgreSQL server at {}", withoutPassword(adminJdbcUrl));
            return new PostgresServer(adminJdbcUrl, Optional.empty(), false, 0);
        }
        LOG.info("no PostgreSQL answers at {}; starting an embedded one", withoutPassword(adminJdbcUrl));
        return embedded(embeddedDir, 0);
    }

    /**
     * An embedded PostgreSQL 15 owned by this process.
     *
     * @param dataDir where its cluster lives (kept across restarts and runs); empty for a temporary
     *     directory deleted on close
     * @param port port on 127.0.0.1; 0 for a free one (kept across {@link #stop()}/{@link #start()})
     */
    public static PostgresServer embedded(Optional<Path> dataDir, int port) {
        Path dir = dataDir.orElseGet(() -> tempDir());
        int chosen = port == 0 ? EmbeddedKafkaBroker.freePort() : port;
        PostgresServer server = new PostgresServer(
                "jdbc:postgresql://127.0.0.1:" + chosen + "/postgres?user=postgres", Optional.of(dir),
                dataDir.isEmpty(), chosen);
        server.start();
        return server;
    }

    /** Whether this process owns the server (and can stop it). */
    public boolean isEmbedded() {
        return embeddedDir.isPresent();
    }

    /** A JDBC URL of the server's maintenance database, with credentials. */
    public String adminJdbcUrl() {
        return adminUrl;
    }

    /** The JDBC URL of {@code database} on this server, with the same credentials. */
    public String jdbcUrl(String database) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + withoutPassword(adminUrl));
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** Creates a database with a fresh unique name ({@code prefix_<random>}); closing the handle drops it. */
    public PostgresDatabase createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + checkedName(name));
        return new PostgresDatabase(this, name, true);
    }

    /** Creates {@code name} when it does not exist yet; closing the handle keeps it (the demo's database). */
    public PostgresDatabase ensureDatabase(String name) {
        checkedName(name);
        try (Connection c = connect(adminUrl);
             var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            if (!st.executeQuery().next()) {
                execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new PostgresDatabase(this, name, false);
    }

    /** Stops the embedded server (a real outage: connections fail until {@link #start()}). */
    public synchronized void stop() {
        requireEmbedded("stop");
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
            }
            embedded = null;
            LOG.info("embedded PostgreSQL on port {} stopped", embeddedPort);
        }
    }

    /** Starts the embedded server on its directory and port; returns once it accepts connections. */
    public synchronized void start() {
        requireEmbedded("start");
        if (embedded != null) {
            return;
        }
        try {
            Files.createDirectories(embeddedDir.get());
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(embeddedDir.get())
                    .setCleanDataDirectory(false)
                    .setPort(embeddedPort)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + embeddedDir.get(), e);
        }
        LOG.info("embedded PostgreSQL on 127.0.0.1:{} with data in {}", embeddedPort, embeddedDir.get());
    }

    /** Stops an embedded server (deleting its temporary directory); the machine's server is left alone. */
    @Override
    public synchronized void close() {
        if (isEmbedded()) {
            stop();
            if (deleteDirOnClose) {
                Files2.deleteRecursively(embeddedDir.get());
            }
        }
    }

    void execute(String sql) {
        try (Connection c = connect(adminUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    static Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "3");
        props.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(url, props);
    }

    private static boolean answers(String url) {
        try (Connection c = connect(url)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String checkedName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid database name: " + name);
        }
        return name;
    }

    private void requireEmbedded(String action) {
        if (!isEmbedded()) {
            throw new UnsupportedOperationException("cannot " + action + " the machine's PostgreSQL server");
        }
    }

    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("alpr-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
