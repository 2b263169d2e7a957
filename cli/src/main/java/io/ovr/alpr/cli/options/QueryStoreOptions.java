package io.ovr.alpr.cli.options;

import io.ovr.alpr.api.backend.Backends;
import io.ovr.alpr.cli.Lifecycle;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import io.ovr.alpr.sinks.objectstore.ObjectStoreConfig;
import io.ovr.alpr.sinks.search.OpenSearchConfig;
import io.ovr.alpr.sinks.search.SearchClient;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.DatabaseConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The stores the query API reads besides the live state, each optional: without {@code --db-url}
 * there is no history (nor SQL audit log), without {@code --opensearch-url} no search, without
 * {@code --s3-endpoint} no images; those routes then answer 503 naming the option.
 */
public final class QueryStoreOptions {

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:ALPR_DB_URL}",
            description = "PostgreSQL JDBC URL of the history and the audit log, e.g."
                    + " jdbc:postgresql://localhost:5432/alpr (env ALPR_DB_URL; none: no history, audit to the log).")
    public String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:ALPR_DB_USER}",
            description = "Database user (env ALPR_DB_USER).")
    public String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:ALPR_DB_PASSWORD}",
            description = "Database password (env ALPR_DB_PASSWORD).")
    public String dbPassword;

    @Option(names = "--db-pool-size", defaultValue = "${env:ALPR_DB_POOL_SIZE:-4}",
            description = "Pooled connections (env ALPR_DB_POOL_SIZE, default ${DEFAULT-VALUE}).")
    public int dbPoolSize;

    @Option(names = "--opensearch-url", defaultValue = "${env:ALPR_OPENSEARCH_URL}",
            description = "OpenSearch URL for plate search, e.g. http://localhost:9200 (env ALPR_OPENSEARCH_URL;"
                    + " none: no search).")
    public String searchUrl;

    @Option(names = "--opensearch-user", defaultValue = "${env:ALPR_OPENSEARCH_USER}",
            description = "Basic-auth user (env ALPR_OPENSEARCH_USER).")
    public String searchUser;

    @Option(names = "--opensearch-password", defaultValue = "${env:ALPR_OPENSEARCH_PASSWORD}",
            description = "Basic-auth password (env ALPR_OPENSEARCH_PASSWORD).")
    public String searchPassword;

    @Option(names = "--s3-endpoint", defaultValue = "${env:ALPR_S3_ENDPOINT}",
            description = "S3 endpoint holding frames and plate crops, e.g. http://minio:9000 (env ALPR_S3_ENDPOINT;"
                    + " none: no images).")
    public String s3Endpoint;

    @Option(names = "--s3-public-endpoint", defaultValue = "${env:ALPR_S3_PUBLIC_ENDPOINT}",
            description = "The endpoint as clients reach it, for presigned image URLs; default --s3-endpoint (env"
                    + " ALPR_S3_PUBLIC_ENDPOINT).")
    public String s3PublicEndpoint;

    @Option(names = "--s3-bucket", defaultValue = "${env:ALPR_S3_BUCKET:-alpr-images}",
            description = "Bucket of frames and crops (env ALPR_S3_BUCKET, default ${DEFAULT-VALUE}).")
    public String s3Bucket;

    @Option(names = "--s3-region", defaultValue = "${env:ALPR_S3_REGION:-us-east-1}",
            description = "Region URLs are signed for (env ALPR_S3_REGION, default ${DEFAULT-VALUE}).")
    public String s3Region;

    @Option(names = "--s3-access-key", defaultValue = "${env:ALPR_S3_ACCESS_KEY}",
            description = "S3 access key (env ALPR_S3_ACCESS_KEY).")
    public String s3AccessKey;

    @Option(names = "--s3-secret-key", defaultValue = "${env:ALPR_S3_SECRET_KEY}",
            description = "S3 secret key (env ALPR_S3_SECRET_KEY).")
    public String s3SecretKey;

    /** Connects what is configured; {@code lifecycle} closes it after the API. */
    public Backends connect(Lifecycle lifecycle) {
        Optional<Database> database = present(dbUrl).map(url -> lifecycle.add(Database.connect(
                DatabaseConfig.of(url).withCredentials(blankToNull(dbUser), blankToNull(dbPassword))
                        .withPoolSize(dbPoolSize), "alpr-api")));
        Optional<SearchClient> search = present(searchUrl).map(url -> lifecycle.add(SearchClient.connect(
                new OpenSearchConfig(url, blankToNull(searchUser), blankToNull(searchPassword), 0, 1, 0))));
        Optional<ObjectStore> images = present(s3Endpoint).map(endpoint -> lifecycle.add(ObjectStore.connect(
                objectStore(endpoint))));
        Optional<ObjectStore> links = present(s3Endpoint).map(endpoint -> present(s3PublicEndpoint)
                .map(pub -> lifecycle.add(ObjectStore.connect(objectStore(pub)))).orElseGet(images::orElseThrow));
        return new Backends(database.map(Database::dataSource), search, images, links);
    }

    /** What is configured, for the start-up line. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(present(dbUrl).isPresent() ? "history and SQL audit on "
                + DatabaseConfig.of(dbUrl) : "no history (audit to the alpr.audit log)");
        parts.add(present(searchUrl).map(url -> "search on " + url).orElse("no search"));
        parts.add(present(s3Endpoint).map(url -> "images in " + url + "/" + s3Bucket).orElse("no images"));
        return String.join("; ", parts);
    }

    public boolean hasDatabase() {
        return present(dbUrl).isPresent();
    }

    private ObjectStoreConfig objectStore(String endpoint) {
        if (s3AccessKey == null || s3SecretKey == null) {
            throw new IllegalArgumentException("--s3-endpoint needs --s3-access-key and --s3-secret-key"
                    + " (ALPR_S3_ACCESS_KEY, ALPR_S3_SECRET_KEY)");
        }
        return new ObjectStoreConfig(endpoint, s3AccessKey, s3SecretKey, s3Bucket, s3Region, Duration.ZERO);
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
