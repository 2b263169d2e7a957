package io.ovr.alpr.sinks.objectstore;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the object store is and how long objects live.
 *
 * @param endpoint S3 endpoint URL, e.g. {@code http://localhost:9000}
 * @param region the region requests are signed for (MinIO and s3proxy accept {@code us-east-1})
 * @param retention how long frames and crops are kept; zero or negative keeps them forever
 */
public record ObjectStoreConfig(String endpoint, String accessKey, String secretKey, String bucket, String region,
                                Duration retention) {

    /** S3 bucket naming rules: 3-63 lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public ObjectStoreConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(retention, "retention");
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("invalid bucket name: " + bucket);
        }
        region = region == null || region.isBlank() ? "us-east-1" : region;
    }

    /** The retention as whole days, rounded up, as S3 lifecycle rules count it; 0 when kept forever. */
    public int retentionDays() {
        if (retention.isZero() || retention.isNegative()) {
            return 0;
        }
        long days = retention.toDays() + (retention.equals(Duration.ofDays(retention.toDays())) ? 0 : 1);
        return (int) Math.min(Integer.MAX_VALUE, days);
    }

    public ObjectStoreConfig withBucket(String name) {
        return new ObjectStoreConfig(endpoint, accessKey, secretKey, name, region, retention);
    }

    public ObjectStoreConfig withRetention(Duration value) {
        return new ObjectStoreConfig(endpoint, accessKey, secretKey, bucket, region, value);
    }

    @Override
    public String toString() {
        return "ObjectStoreConfig[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", retention=" + retention + "]";
    }
}
