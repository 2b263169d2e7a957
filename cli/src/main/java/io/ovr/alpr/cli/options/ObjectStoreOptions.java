package io.ovr.alpr.cli.options;

import io.ovr.alpr.sinks.objectstore.ObjectStoreConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the S3-compatible object store is (MinIO in production). */
public final class ObjectStoreOptions {

    @Option(names = "--s3-endpoint", paramLabel = "URL", defaultValue = "${env:ALPR_S3_ENDPOINT:-http://localhost:9000}",
            description = "S3 endpoint (env ALPR_S3_ENDPOINT, default ${DEFAULT-VALUE}).")
    public String endpoint;

    @Option(names = "--s3-bucket", defaultValue = "${env:ALPR_S3_BUCKET:-alpr}",
            description = "Bucket of frames and crops (env ALPR_S3_BUCKET, default ${DEFAULT-VALUE}).")
    public String bucket;

    @Option(names = "--s3-access-key", defaultValue = "${env:ALPR_S3_ACCESS_KEY}",
            description = "Access key (env ALPR_S3_ACCESS_KEY).")
    public String accessKey;

    @Option(names = "--s3-secret-key", defaultValue = "${env:ALPR_S3_SECRET_KEY}", arity = "0..1", interactive = true,
            description = "Secret key (env ALPR_S3_SECRET_KEY).")
    public String secretKey;

    @Option(names = "--s3-region", defaultValue = "${env:ALPR_S3_REGION:-us-east-1}",
            description = "Region requests are signed for (env ALPR_S3_REGION, default ${DEFAULT-VALUE}).")
    public String region;

    @Option(names = "--s3-retention-days", defaultValue = "${env:ALPR_S3_RETENTION_DAYS:-30}",
            description = "How long frames and crops are kept, 0 forever (env ALPR_S3_RETENTION_DAYS, default ${DEFAULT-VALUE}).")
    public int retentionDays;

    public ObjectStoreConfig config() {
        if (accessKey == null || secretKey == null) {
            throw new IllegalArgumentException("--s3-access-key and --s3-secret-key (ALPR_S3_ACCESS_KEY, ALPR_S3_SECRET_KEY) are required");
        }
        return new ObjectStoreConfig(endpoint, accessKey, secretKey, bucket, region, Duration.ofDays(retentionDays));
    }
}
