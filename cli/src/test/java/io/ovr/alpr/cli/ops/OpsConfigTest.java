package io.ovr.alpr.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import io.ovr.alpr.cli.AlprCommand;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The production stack's files as the tools that run them see them: Debian's docker-compose
 * validates {@code docker-compose.yml} (with and without {@code .env.example}); promtool checks the
 * Prometheus configuration and runs the alert rules' unit tests. No Docker engine is needed.
 */
class OpsConfigTest {

    private static final Set<String> SERVICES = Set.of("kafka", "schema-registry", "kafka-ui", "timescaledb",
            "minio", "minio-init", "opensearch", "opensearch-dashboards", "alpr-init", "streams-1", "streams-2",
            "sink-timescale", "sink-opensearch", "sink-alerts", "edge", "prometheus", "grafana", "loki", "promtail",
            "kafka-exporter", "postgres-exporter", "node-exporter", "cadvisor");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)");
    private static final Set<String> ONE_SHOT = Set.of("alpr-init", "minio-init");
    /** How an option names its variable: in its default ({@code ${env:ALPR_X:-...}}) and help ("env ALPR_X"). */
    private static final Pattern ENV_NAME = Pattern.compile("(?:\\$\\{env:|\\benv )(ALPR_[A-Z0-9_]+)");

    @Test
    void shouldValidateTheComposeFileWithDockerCompose() throws Exception {
        OpsTools.Result plain = OpsTools.run("docker-compose", "-f", "docker-compose.yml", "config", "-q");
        OpsTools.Result withEnv = OpsTools.run("docker-compose", "--env-file", ".env.example", "-f",
                "docker-compose.yml", "config", "-q");

        assertThat(plain.exit()).as(plain.output()).isZero();
        assertThat(withEnv.exit()).as(withEnv.output()).isZero();
    }

    @Test
    void shouldRunEveryServiceOfTheStackWithRestartPolicyAndMemoryLimit() throws Exception {
        JsonNode services = composeServices("config");

        assertThat(fieldNames(services)).containsAll(SERVICES);
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            if (!ONE_SHOT.contains(service.getKey())) {
                assertThat(service.getValue().path("restart").asText()).as(service.getKey()).isEqualTo("unless-stopped");
                assertThat(service.getValue().path("deploy").path("resources").path("limits").path("memory").asText())
                        .as(service.getKey() + " memory limit").isNotEmpty();
            }
        }
    }

    @Test
    void shouldPutMetabaseAndMlflowUnderTheExtrasProfile() throws Exception {
        JsonNode services = composeServices("config");

        for (String optional : Set.of("metabase", "mlflow")) {
            assertThat(services.path(optional).path("profiles").toString()).as(optional).isEqualTo("[\"extras\"]");
        }
        for (String service : SERVICES) {
            assertThat(services.path(service).has("profiles")).as(service + " runs by default").isFalse();
        }
    }

    @Test
    void shouldConfigureTheAlprRolesOnlyWithTheirCommandsEnvironmentVariables() throws Exception {
        JsonNode services = composeServices("config");
        Set<String> known = optionEnvironmentVariables();
        Set<String> unknown = new TreeSet<>();

        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            service.getValue().path("environment").fieldNames().forEachRemaining(name -> {
                if (name.startsWith("ALPR_") && !known.contains(name)) {
                    unknown.add(service.getKey() + ": " + name);
                }
            });
        }

        assertThat(known).contains("ALPR_BOOTSTRAP_SERVERS", "ALPR_METRICS_PORT", "ALPR_EDGE_LOOP");
        assertThat(unknown).as("ALPR_* variables in docker-compose.yml that no alpr option reads").isEmpty();
    }

    @Test
    void shouldListInEnvExampleOnlySettingsTheComposeFileReadsAndEveryPasswordAndSecret() throws Exception {
        Set<String> read = new TreeSet<>();
        Matcher m = COMPOSE_VARIABLE.matcher(Files.readString(OpsTools.ROOT.resolve("docker-compose.yml")));
        while (m.find()) {
            read.add(m.group(1));
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(OpsTools.ROOT.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.substring(0, line.indexOf('=')));
            }
        }

        assertThat(read).as("variables of docker-compose.yml").containsAll(listed);
        assertThat(listed).as("passwords and secrets must be changeable from .env")
                .containsAll(read.stream().filter(v -> v.endsWith("PASSWORD") || v.endsWith("SECRET")
                        || v.equals("ALPR_API_KEYS")).toList());
    }

    @Test
    void shouldPassPromtoolCheckConfigIncludingTheRuleFiles() throws Exception {
        OpsTools.Result result = OpsTools.run("promtool", "check", "config", "prometheus/prometheus.yml");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: prometheus/prometheus.yml is valid");
    }

    @Test
    void shouldPassTheAlertRulesUnitTests() throws Exception {
        OpsTools.Result result = OpsTools.run("promtool", "test", "rules", "prometheus/tests/alpr.test.yml");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    private static JsonNode composeServices(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "docker-compose";
        command[1] = "-f";
        command[2] = "docker-compose.yml";
        System.arraycopy(args, 0, command, 3, args.length);
        OpsTools.Result result = OpsTools.run(command);
        assertThat(result.exit()).as(result.output()).isZero();
        return MonitoringQueries.YAML.readTree(result.output()).path("services");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The ALPR_* variable of every option of every alpr command (from their picocli defaults). */
    private static Set<String> optionEnvironmentVariables() {
        Set<String> names = new TreeSet<>();
        Deque<CommandLine> commands = new ArrayDeque<>();
        commands.add(AlprCommand.commandLine());
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            for (OptionSpec option : command.getCommandSpec().options()) {
                String text = option.defaultValue() + " " + String.join(" ", option.description());
                Matcher m = ENV_NAME.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            commands.addAll(command.getSubcommands().values());
        }
        return names;
    }
}
