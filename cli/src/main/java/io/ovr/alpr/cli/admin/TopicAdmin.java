package io.ovr.alpr.cli.admin;

import io.ovr.alpr.serdes.topics.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics of the system with their partitions, compaction and retention; idempotent. */
public final class TopicAdmin {

    /** What happened to one topic. */
    public record Outcome(String topic, boolean created, String detail) {
    }

    private final Admin admin;

    public TopicAdmin(Admin admin) {
        this.admin = admin;
    }

    /** Creates every missing topic of {@code specs}; existing ones are reported and left as they are. */
    public List<Outcome> createAll(List<TopicSpec> specs) {
        List<NewTopic> topics = specs.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor())
                        .configs(spec.configs()))
                .toList();
        CreateTopicsResult result = admin.createTopics(topics);
        List<Outcome> outcomes = new ArrayList<>();
        for (TopicSpec spec : specs) {
            outcomes.add(outcome(spec, result));
        }
        return outcomes;
    }

    private static Outcome outcome(TopicSpec spec, CreateTopicsResult result) {
        try {
            result.values().get(spec.name()).get(60, TimeUnit.SECONDS);
            return new Outcome(spec.name(), true, describe(spec));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return new Outcome(spec.name(), false, "already exists");
            }
            throw new KafkaException("cannot create topic " + spec.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted creating " + spec.name(), e);
        } catch (TimeoutException e) {
            throw new KafkaException("timed out creating " + spec.name(), e);
        }
    }

    private static String describe(TopicSpec spec) {
        Map<String, String> configs = spec.configs();
        return spec.partitions() + " partitions, replication " + spec.replicationFactor() + ", "
                + configs.get("cleanup.policy") + ", retention.ms " + configs.get("retention.ms");
    }
}
