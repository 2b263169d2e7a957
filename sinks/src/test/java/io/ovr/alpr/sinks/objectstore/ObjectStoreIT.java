package io.ovr.alpr.sinks.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.messages.LifecycleConfiguration;
import io.ovr.alpr.devstack.S3ServerExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The object store against a real S3 API server (embedded s3proxy). */
@Tag("integration")
class ObjectStoreIT {

    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ObjectStore store(Duration retention) {
        String bucket = "alpr-it-" + UUID.randomUUID().toString().substring(0, 8);
        return ObjectStore.connect(new ObjectStoreConfig(S3.endpoint(), S3.accessKey(), S3.secretKey(), bucket,
                "us-east-1", retention));
    }

    @Test
    void shouldCreateTheBucketOnceAndFindItTheSecondTime() {
        try (ObjectStore store = store(Duration.ofDays(30))) {
            assertThat(store.ensureBucket().created()).isTrue();
            assertThat(store.ensureBucket().created()).isFalse();
        }
    }

    @Test
    void shouldReadBackContentTypeAndMetadataOfAStoredObject() {
        try (ObjectStore store = store(Duration.ofDays(30))) {
            store.ensureBucket();
            byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
            store.put("frames/cam-1/2026/11/25/f1.jpg", jpeg, "image/jpeg",
                    Map.of("camera-id", "cam-1", "frame-number", "42"));

            StoredObject read = store.get("frames/cam-1/2026/11/25/f1.jpg").orElseThrow();

            assertThat(read.content()).isEqualTo(jpeg);
            assertThat(read.contentType()).isEqualTo("image/jpeg");
            assertThat(read.metadata()).containsEntry("camera-id", "cam-1").containsEntry("frame-number", "42");
            assertThat(store.exists("frames/cam-1/2026/11/25/f1.jpg")).isTrue();
        }
    }

    @Test
    void shouldStreamAnObjectOfUnknownSize() {
        try (ObjectStore store = store(Duration.ofDays(30))) {
            store.ensureBucket();
            byte[] content = new byte[300_000];
            new java.util.Random(7).nextBytes(content);

            store.put("crops/c.png", new ByteArrayInputStream(content), -1, "image/png", Map.of());

            assertThat(store.get("crops/c.png").orElseThrow().content()).isEqualTo(content);
        }
    }

    @Test
    void shouldAnswerEmptyForAMissingObject() {
        try (ObjectStore store = store(Duration.ofDays(30))) {
            store.ensureBucket();
            assertThat(store.get("nothing/here.jpg")).isEmpty();
            assertThat(store.exists("nothing/here.jpg")).isFalse();
        }
    }

    @Test
    void shouldServeTheObjectThroughAPresignedUrlAndRefuseATamperedOne() throws Exception {
        try (ObjectStore store = store(Duration.ofDays(30))) {
            store.ensureBucket();
            store.put("crops/p1.jpg", "plate".getBytes(StandardCharsets.UTF_8), "image/jpeg", Map.of());

            URI url = store.presignedGet("crops/p1.jpg", Duration.ofMinutes(5));
            HttpResponse<byte[]> ok = HTTP.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            URI tampered = URI.create(url.toString().replace("p1.jpg", "p2.jpg"));
            HttpResponse<byte[]> refused = HTTP.send(HttpRequest.newBuilder(tampered).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(url.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("plate");
            assertThat(ok.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(refused.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void shouldRejectKeysThatEscapeTheBucketLayout() {
        try (ObjectStore store = store(Duration.ofDays(30))) {
            assertThatThrownBy(() -> store.put("../etc/passwd", new byte[1], "text/plain", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.presignedGet("a.jpg", Duration.ofDays(8)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldEnforceTheRetentionByRuleOrBySweep() {
        try (ObjectStore store = store(Duration.ofDays(3))) {
            BucketSetup setup = store.ensureBucket();
            store.put("frames/old.jpg", new byte[] {1}, "image/jpeg", Map.of());

            if (setup.expiry() == BucketSetup.Expiry.LIFECYCLE_RULE) {
                LifecycleConfiguration rules = store.lifecycle().orElseThrow();
                assertThat(rules.rules()).singleElement()
                        .satisfies(r -> assertThat(r.expiration().days()).isEqualTo(3));
            } else {
                // s3proxy does not implement lifecycle rules: the store sweeps instead
                assertThat(setup.expiry()).isEqualTo(BucketSetup.Expiry.SWEEP);
            }
            assertThat(store.deleteExpired(Instant.now().plus(Duration.ofDays(2)))).isZero();
            assertThat(store.exists("frames/old.jpg")).isTrue();
            assertThat(store.deleteExpired(Instant.now().plus(Duration.ofDays(3)).plusSeconds(60))).isEqualTo(1);
            assertThat(store.exists("frames/old.jpg")).isFalse();
        }
    }

    @Test
    void shouldKeepObjectsForeverWithoutRetention() {
        try (ObjectStore store = store(Duration.ZERO)) {
            assertThat(store.ensureBucket().expiry()).isEqualTo(BucketSetup.Expiry.NONE);
            store.put("frames/x.jpg", new byte[] {1}, "image/jpeg", Map.of());
            assertThat(store.deleteExpired(Instant.now().plus(Duration.ofDays(3650)))).isZero();
        }
    }
}
