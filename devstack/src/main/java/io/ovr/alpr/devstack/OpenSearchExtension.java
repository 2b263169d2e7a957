package io.ovr.alpr.devstack;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running one {@link EmbeddedOpenSearch} node per test class (it takes ~7 s to
 * start, so share it). Use it as a static {@code @RegisterExtension} field.
 */
public final class OpenSearchExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedOpenSearch node;

    @Override
    public void beforeAll(ExtensionContext context) {
        node = EmbeddedOpenSearch.start(Optional.empty(), 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (node != null) {
            node.close();
        }
    }

    public EmbeddedOpenSearch node() {
        return node;
    }

    public String url() {
        return node.url();
    }
}
