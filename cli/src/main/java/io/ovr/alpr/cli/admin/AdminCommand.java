package io.ovr.alpr.cli.admin;

import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.api.admin.HotlistCsv;
import io.ovr.alpr.api.auth.ApiKeys;
import io.ovr.alpr.api.auth.Role;
import io.ovr.alpr.cli.options.KafkaOptions;
import io.ovr.alpr.cli.options.RegistryOptions;
import io.ovr.alpr.cli.options.TopicOptions;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alpr admin ...}: one-off operations on a running cluster. */
@Command(name = "admin", description = "Administration: topics, schemas, database, hotlist, API keys.",
        mixinStandardHelpOptions = true,
        subcommands = {AdminCommand.Topics.class, AdminCommand.Schemas.class, DbCommand.class, AdminCommand.Hotlist.class,
                AdminCommand.ApiKey.class})
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

    /** {@code alpr admin hotlist ...}. */
    @Command(name = "hotlist", description = "The hotlist (compacted topic alpr.hotlist).",
            mixinStandardHelpOptions = true, subcommands = Hotlist.Import.class)
    static final class Hotlist {

        /** {@code alpr admin hotlist import FILE}. */
        @Command(name = "import", mixinStandardHelpOptions = true,
                description = {"Import a hotlist CSV: all rows or none.",
                        "Header row naming the columns: plate, reason (required); priority (1-5, default 1),"
                                + " list_name, expires_at (ISO-8601 instant or YYYY-MM-DD = through that day UTC),"
                                + " notes. RFC 4180 quoting."})
        static final class Import implements Callable<Integer> {

            @Mixin
            KafkaOptions kafka;
            @Mixin
            RegistryOptions registry;

            @Option(names = "--written-by", defaultValue = "${env:ALPR_ADMIN_USER:-cli}",
                    description = "Recorded as added_by of every entry (env ALPR_ADMIN_USER, default ${DEFAULT-VALUE}).")
            String writtenBy;

            @Parameters(paramLabel = "FILE", description = "The CSV file.")
            Path file;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws Exception {
                AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), registry.client(), SerdeOptions.values());
                try (AdminWriter writer = new AdminWriter(kafka.bootstrapServers, topics)) {
                    int written = new HotlistImport(writer, Clock.systemUTC()).run(file, writtenBy);
                    spec.commandLine().getOut().printf("imported %,d hotlist entries from %s to %s%n", written, file,
                            AlprTopics.HOTLIST);
                    spec.commandLine().getOut().flush();
                    return 0;
                } catch (HotlistCsv.InvalidCsvException e) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.printf("%s was not imported (nothing was written):%n", file);
                    e.errors().forEach(line -> err.println("  " + line));
                    err.flush();
                    return 1;
                }
            }
        }
    }

    /** {@code alpr admin apikey ...}. */
    @Command(name = "apikey", description = "API keys of the query API.", mixinStandardHelpOptions = true,
            subcommands = ApiKey.Create.class)
    static final class ApiKey {

        /** {@code alpr admin apikey create}. */
        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Make a new random API key; prints the key (give it to the client) and the entry for"
                        + " ALPR_API_KEYS (holds only its SHA-256 hash).")
        static final class Create implements Callable<Integer> {

            @Option(names = "--name", required = true, defaultValue = "${env:ALPR_APIKEY_NAME}",
                    description = "Who uses the key, recorded in the audit log (env ALPR_APIKEY_NAME).")
            String name;

            @Option(names = "--role", defaultValue = "${env:ALPR_APIKEY_ROLE:-viewer}",
                    description = "viewer, investigator or admin (env ALPR_APIKEY_ROLE, default ${DEFAULT-VALUE}).")
            Role role;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                if (!name.matches("[A-Za-z0-9._@\\-]{1,64}")) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--name must be 1-64 characters A-Z a-z 0-9 . _ @ -");
                }
                String key = ApiKeys.generate();
                PrintWriter out = spec.commandLine().getOut();
                out.println("key (give it to the client; it is not stored anywhere):");
                out.println("  " + key);
                out.println("entry for ALPR_API_KEYS (comma-separated) or one line of ALPR_API_KEYS_FILE:");
                out.println("  " + name + ":" + role.name().toLowerCase(Locale.ROOT) + ":sha256:" + ApiKeys.hash(key));
                out.flush();
                return 0;
            }
        }
    }
}
