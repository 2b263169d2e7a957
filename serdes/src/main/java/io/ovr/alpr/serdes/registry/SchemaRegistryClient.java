package io.ovr.alpr.serdes.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that the serdes and the admin commands use.
 * Implemented over HTTP by {@link RestSchemaRegistryClient}; failures surface as
 * {@link SchemaRegistryException} carrying Confluent's HTTP status and error code.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} when it is already registered under {@code subject}. */
    int lookup(String subject, Schema schema);

    /** The schema registered with global {@code id}. */
    Schema schemaById(int id);

    /** The latest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** Every subject that has at least one version. */
    List<String> subjects();

    /** The compatibility level of {@code subject}, falling back to the global level. */
    String compatibility(String subject);

    /** Sets the compatibility level of {@code subject} (e.g. BACKWARD). */
    void setCompatibility(String subject, String level);
}
