package io.ovr.alpr.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3 API server (s3proxy) in this JVM on loopback, with AWS signature v2/v4
 * authentication. Objects live in a directory (kept across restarts) or in memory.
 * It speaks enough of S3 for buckets, objects with metadata and presigned URLs; it does not
 * implement bucket lifecycle configuration.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);
    /** Access key of the embedded server (local use only). */
    public static final String DEFAULT_ACCESS_KEY = "alpr-local";
    /** Secret key of the embedded server (local use only). */
    public static final String DEFAULT_SECRET_KEY = "alpr-local-secret";

    private final Optional<Path> dataDir;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private S3Proxy proxy;

    private EmbeddedS3Server(Optional<Path> dataDir, int port, String accessKey, String secretKey) {
        this.dataDir = dataDir;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** A server keeping its objects in memory, on a free port, with the default keys. */
    public static EmbeddedS3Server inMemory() {
        return start(Optional.empty(), 0);
    }

    /**
     * Starts a server; returns once it accepts requests.
     *
     * @param dataDir where objects live (created when missing); empty keeps them in memory
     * @param port port on 127.0.0.1; 0 for a free one
     */
    public static EmbeddedS3Server start(Optional<Path> dataDir, int port) {
        EmbeddedS3Server server = new EmbeddedS3Server(dataDir, port == 0 ? EmbeddedKafkaBroker.freePort() : port,
                DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY);
        server.startServer();
        return server;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The region clients should sign for. */
    public String region() {
        return "us-east-1";
    }

    public Optional<Path> dataDir() {
        return dataDir;
    }

    /** Stops the server; objects in a data directory stay for a later start. */
    @Override
    public synchronized void close() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
            LOG.info("S3 server on {} stopped", endpoint());
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the S3 server on " + endpoint(), e);
        } finally {
            proxy = null;
        }
    }

    private synchronized void startServer() {
        S3Proxy started = S3Proxy.builder()
                .blobStore(blobStore())
                .endpoint(URI.create(endpoint()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .jettyMaxThreads(16)
                .build();
        try {
            started.start();
            // start() returns before Jetty has bound its connector
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(started.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3 server did not start within 30 s: " + started.getState());
                }
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the S3 server on " + endpoint(), e);
        }
        proxy = started;
        LOG.info("S3 server on {} ({})", endpoint(), dataDir.map(d -> "objects in " + d).orElse("in memory"));
    }

    private BlobStore blobStore() {
        if (dataDir.isEmpty()) {
            return new TransientNio2BlobStore();
        }
        try {
            Files.createDirectories(dataDir.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir.get(), e);
        }
        return new FilesystemNio2BlobStore(dataDir.get().toAbsolutePath().toString());
    }
}
