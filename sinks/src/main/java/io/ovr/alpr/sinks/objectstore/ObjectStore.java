package io.ovr.alpr.sinks.objectstore;

import io.minio.BucketExistsArgs;
import io.minio.GetBucketLifecycleArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetBucketLifecycleArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Filter;
import io.minio.messages.Item;
import io.minio.messages.LifecycleConfiguration;
import io.minio.messages.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames and plate crops in an S3-compatible store (MinIO in production, s3proxy in the demo and
 * tests) through minio-java: one bucket, objects with a content type and user metadata, presigned
 * GET URLs for image links, and an expiry matching the retention (a lifecycle rule where the
 * server implements it, otherwise {@link #deleteExpired(Instant)}).
 */
public final class ObjectStore implements AutoCloseable {

    static final String EXPIRY_RULE_ID = "alpr-retention";
    private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);
    private static final long PART_SIZE = 10L * 1024 * 1024;
    private static final Duration MAX_PRESIGN = Duration.ofDays(7);

    private final ObjectStoreConfig config;
    private final MinioClient client;

    private ObjectStore(ObjectStoreConfig config, MinioClient client) {
        this.config = config;
        this.client = client;
    }

    /** A client for the configured store; no request is sent until the first call. */
    public static ObjectStore connect(ObjectStoreConfig config) {
        MinioClient client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
        return new ObjectStore(config, client);
    }

    public ObjectStoreConfig config() {
        return config;
    }

    public String bucket() {
        return config.bucket();
    }

    /**
     * Creates the bucket when it is missing and applies the expiry rule of the retention
     * (idempotent: a second call changes nothing).
     */
    public BucketSetup ensureBucket() {
        boolean created = call("ensure bucket", "", () -> {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build())) {
                return false;
            }
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
                return true;
            } catch (ErrorResponseException e) {
                if (isCode(e, "BucketAlreadyOwnedByYou") || isCode(e, "BucketAlreadyExists")) {
                    return false; // another instance created it meanwhile
                }
                throw e;
            }
        });
        BucketSetup.Expiry expiry = applyExpiry();
        LOG.info("bucket {} on {} {}; expiry: {}", bucket(), config.endpoint(), created ? "created" : "exists", expiry);
        return new BucketSetup(created, expiry);
    }

    /** Stores {@code content} under {@code key}, replacing any earlier object. */
    public void put(String key, byte[] content, String contentType, Map<String, String> metadata) {
        call("put", key, () -> client.putObject(PutObjectArgs.builder()
                .bucket(bucket()).object(checkedKey(key))
                .data(content, content.length)
                .contentType(contentType)
                .userMetadata(metadata)
                .build()));
    }

    /** Streams {@code size} bytes (or an unknown size, -1, in 10 MiB parts) under {@code key}. */
    public void put(String key, InputStream content, long size, String contentType, Map<String, String> metadata) {
        call("put", key, () -> client.putObject(PutObjectArgs.builder()
                .bucket(bucket()).object(checkedKey(key))
                .stream(content, size < 0 ? null : size, size < 0 ? PART_SIZE : null)
                .contentType(contentType)
                .userMetadata(metadata)
                .build()));
    }

    /** The object under {@code key} with its content type and user metadata; empty when there is none. */
    public Optional<StoredObject> get(String key) {
        return call("get", key, () -> {
            try (GetObjectResponse response = client.getObject(GetObjectArgs.builder()
                    .bucket(bucket()).object(checkedKey(key)).build())) {
                byte[] content = response.readAllBytes();
                return Optional.of(new StoredObject(key, content, response.headers().get("Content-Type"),
                        metadata(response.headers().toMultimap())));
            } catch (ErrorResponseException e) {
                if (isCode(e, "NoSuchKey")) {
                    return Optional.<StoredObject>empty();
                }
                throw e;
            }
        });
    }

    /** Whether an object is stored under {@code key}. */
    public boolean exists(String key) {
        return call("stat", key, () -> {
            try {
                StatObjectResponse stat = client.statObject(StatObjectArgs.builder()
                        .bucket(bucket()).object(checkedKey(key)).build());
                return stat != null;
            } catch (ErrorResponseException e) {
                if (isCode(e, "NoSuchKey") || isCode(e, "NoSuchObject") || e.response().code() == 404) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * A URL that lets anyone holding it GET the object until it expires (at most 7 days, the S3
     * limit). The object need not exist yet.
     */
    public URI presignedGet(String key, Duration validFor) {
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_PRESIGN) > 0) {
            throw new IllegalArgumentException("presigned URL validity must be in (0, 7 days], was " + validFor);
        }
        return call("presign", key, () -> URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Http.Method.GET).bucket(bucket()).object(checkedKey(key))
                .expiry((int) validFor.toSeconds(), TimeUnit.SECONDS).build())));
    }

    /**
     * Deletes the objects last modified more than the retention before {@code now}: the expiry for
     * servers without lifecycle rules ({@link BucketSetup.Expiry#SWEEP}). Returns how many it deleted.
     */
    public int deleteExpired(Instant now) {
        if (config.retentionDays() == 0) {
            return 0;
        }
        Instant cutoff = now.minus(Duration.ofDays(config.retentionDays()));
        int deleted = 0;
        for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket()).recursive(true)
                .build())) {
            Item item = call("list", "", result::get);
            if (!item.isDir() && item.lastModified().toInstant().isBefore(cutoff)) {
                call("delete", item.objectName(), () -> {
                    client.removeObject(RemoveObjectArgs.builder().bucket(bucket()).object(item.objectName())
                            .build());
                    return null;
                });
                deleted++;
            }
        }
        if (deleted > 0) {
            LOG.info("deleted {} objects older than {} from bucket {}", deleted, cutoff, bucket());
        }
        return deleted;
    }

    /** The lifecycle configuration the server holds for the bucket; empty when it has none or does not support it. */
    public Optional<LifecycleConfiguration> lifecycle() {
        return call("get lifecycle", "", () -> {
            try {
                return Optional.ofNullable(client.getBucketLifecycle(GetBucketLifecycleArgs.builder()
                        .bucket(bucket()).build()));
            } catch (ErrorResponseException e) {
                if (isCode(e, "NoSuchLifecycleConfiguration") || isCode(e, "NotImplemented")) {
                    return Optional.<LifecycleConfiguration>empty();
                }
                throw e;
            }
        });
    }

    /** The S3 lifecycle rule that expires every object {@code days} after its creation. */
    static LifecycleConfiguration expiryRule(int days) {
        LifecycleConfiguration.Expiration expiration = new LifecycleConfiguration.Expiration(
                (java.time.ZonedDateTime) null, days, null, null);
        LifecycleConfiguration.Rule rule = new LifecycleConfiguration.Rule(Status.ENABLED, null, expiration,
                new Filter(""), EXPIRY_RULE_ID, null, null, null);
        return new LifecycleConfiguration(List.of(rule));
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            LOG.debug("closing the object store client: {}", e.toString());
        }
    }

    private BucketSetup.Expiry applyExpiry() {
        int days = config.retentionDays();
        if (days == 0) {
            return BucketSetup.Expiry.NONE;
        }
        return call("set lifecycle", "", () -> {
            try {
                client.setBucketLifecycle(SetBucketLifecycleArgs.builder().bucket(bucket()).config(expiryRule(days))
                        .build());
                return BucketSetup.Expiry.LIFECYCLE_RULE;
            } catch (ErrorResponseException e) {
                if (isCode(e, "NotImplemented") || e.response().code() == 501) {
                    LOG.warn("{} does not implement bucket lifecycle rules; run deleteExpired to enforce {} days",
                            config.endpoint(), days);
                    return BucketSetup.Expiry.SWEEP;
                }
                throw e;
            }
        });
    }

    private static Map<String, String> metadata(Map<String, List<String>> headers) {
        Map<String, String> metadata = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-meta-") && !values.isEmpty()) {
                metadata.put(lower.substring("x-amz-meta-".length()), values.get(0));
            }
        });
        return metadata;
    }

    private static String checkedKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 1024 || key.startsWith("/") || key.contains("..")) {
            throw new IllegalArgumentException("invalid object key: " + key);
        }
        return key;
    }

    private static boolean isCode(ErrorResponseException e, String code) {
        return e.errorResponse() != null && code.equals(e.errorResponse().code());
    }

    private <T> T call(String action, String key, MinioCall<T> request) {
        try {
            return request.call();
        } catch (ErrorResponseException e) {
            String code = e.errorResponse() == null ? "?" : e.errorResponse().code();
            throw new ObjectStoreException(action + " " + bucket() + "/" + key + " failed: " + code + " "
                    + e.getMessage(), e);
        } catch (MinioException | IOException e) {
            throw new ObjectStoreException(action + " " + bucket() + "/" + key + " on " + config.endpoint()
                    + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface MinioCall<T> {
        T call() throws MinioException, IOException;
    }
}
