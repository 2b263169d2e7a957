package io.ovr.alpr.cli.admin;

import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.topics.AlprTopics.SubjectSchema;
import java.util.List;

/**
 * Registers the value schema of every topic (so producers in production can run with
 * auto-registration off) and pins each subject's compatibility to BACKWARD.
 */
public final class SchemaAdmin {

    /** A registered subject and the id the registry gave its schema. */
    public record Registered(String subject, int id) {
    }

    private final SchemaRegistryClient registry;

    public SchemaAdmin(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public List<Registered> registerAll(List<SubjectSchema> schemas) {
        return schemas.stream().map(this::register).toList();
    }

    private Registered register(SubjectSchema schema) {
        int id = registry.register(schema.subject(), schema.schema());
        registry.setCompatibility(schema.subject(), "BACKWARD");
        return new Registered(schema.subject(), id);
    }
}
