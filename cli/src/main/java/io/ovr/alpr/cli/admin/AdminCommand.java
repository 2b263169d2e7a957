package io.ovr.alpr.cli.admin;

import io.ovr.alpr.cli.options.KafkaOptions;
import io.ovr.alpr.cli.options.RegistryOptions;
import io.ovr.alpr.cli.options.TopicOptions;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alpr admin ...}: one-off operations on a running cluster. */
@Command(name = "admin", description = "Administration: topics, schemas, database.", mixinStandardHelpOptions = true,
        subcommands = {AdminCommand.Topics.class, AdminCommand.Schemas.class, DbCommand.class})
public final class AdminCommand {

    /** {@code alpr admin topics ...}. */
    @Command(name = "topics", description = "Kafka topics of OVR-ALPR.", mixinStandardHelpOptions = true,
            subcommands = Topics.Create.class)
    static final class Topics {

        /** {@code alpr admin topics create}. */
        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Create every topic with its partitions, compaction and retention (idempotent).")
        static final class Create implements Callable<Integer> {

            @Mixin
            KafkaOptions kafka;
            @Mixin
            TopicOptions topics;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers))) {
                    new TopicAdmin(admin).createAll(AlprTopics.specs(topics.config())).forEach(o ->
                            out.printf("%-22s %-8s %s%n", o.topic(), o.created() ? "created" : "exists", o.detail()));
                }
                return 0;
            }
        }
    }

    /** {@code alpr admin schemas ...}. */
    @Command(name = "schemas", description = "Schemas in the Schema Registry.", mixinStandardHelpOptions = true,
            subcommands = Schemas.Register.class)
    static final class Schemas {

        /** {@code alpr admin schemas register}. */
        @Command(name = "register", mixinStandardHelpOptions = true,
                description = "Register the value schema of every topic (BACKWARD compatibility).")
        static final class Register implements Callable<Integer> {

            @Mixin
            RegistryOptions registry;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                new SchemaAdmin(registry.client()).registerAll(AlprTopics.valueSchemas())
                        .forEach(r -> out.printf("%-28s id %d%n", r.subject(), r.id()));
                return 0;
            }
        }
    }
}
