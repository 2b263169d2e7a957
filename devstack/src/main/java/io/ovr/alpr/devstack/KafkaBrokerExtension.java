package io.ovr.alpr.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running one {@link EmbeddedKafkaBroker} per test class in a temporary
 * directory that is deleted afterwards. Use it as a static {@code @RegisterExtension} field.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private final BrokerConfig config;
    private EmbeddedKafkaBroker broker;
    private Path dir;

    public KafkaBrokerExtension() {
        this(BrokerConfig.forTests());
    }

    public KafkaBrokerExtension(BrokerConfig config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("alpr-kafka-test-");
        broker = EmbeddedKafkaBroker.start(config.withDataDir(dir));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (broker != null) {
            broker.close();
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /** Creates topics with records kept forever (old event times must not be deleted). */
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Stream.of(names)
                .map(name -> new NewTopic(name, partitions, (short) 1).configs(Map.of("retention.ms", "-1")))
                .toList();
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + List.of(names) + ": " + e.getMessage(), e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

}
