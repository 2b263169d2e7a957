package io.ovr.alpr.devstack;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running one in-memory {@link EmbeddedS3Server} per test class. Use it as a
 * static {@code @RegisterExtension} field.
 */
public final class S3ServerExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedS3Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedS3Server.inMemory();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public EmbeddedS3Server server() {
        return server;
    }

    public String endpoint() {
        return server.endpoint();
    }

    public String accessKey() {
        return server.accessKey();
    }

    public String secretKey() {
        return server.secretKey();
    }
}
