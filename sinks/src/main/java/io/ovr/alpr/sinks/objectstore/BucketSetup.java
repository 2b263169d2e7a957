package io.ovr.alpr.sinks.objectstore;

/**
 * What {@link ObjectStore#ensureBucket()} found and did.
 *
 * @param created the bucket did not exist and was created
 * @param expiry how the retention is enforced
 */
public record BucketSetup(boolean created, Expiry expiry) {

    /** How objects past the retention are removed. */
    public enum Expiry {
        /** the server applies an S3 lifecycle expiration rule */
        LIFECYCLE_RULE,
        /** the server does not implement lifecycle rules: {@link ObjectStore#deleteExpired} must be run */
        SWEEP,
        /** objects are kept forever */
        NONE
    }
}
