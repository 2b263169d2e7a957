package io.ovr.alpr.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ovr.alpr.cli.AlprCommand;
import io.ovr.alpr.devstack.PostgresDatabase;
import io.ovr.alpr.devstack.PostgresExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboards' SQL panels run on the schema that {@code alpr admin db migrate} creates, with
 * Grafana's PostgreSQL macros expanded as Grafana expands them.
 */
@Tag("integration")
class DashboardSqlTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.machineOrEmbedded();

    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");
    private static final Pattern TIME_GROUP_ALIAS = Pattern.compile("\\$__timeGroupAlias\\(([^,]+),\\s*'(\\d+)m'\\)");

    @Test
    void shouldRunEverySqlPanelOnTheMigratedSchema() throws Exception {
        Map<String, String> queries = sqlPanels();
        try (PostgresDatabase db = POSTGRES.newDatabase()) {
            StringWriter out = new StringWriter();
            int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                    .execute("admin", "db", "migrate", "--db-url", db.jdbcUrl(), "--db-user", "");
            assertThat(exit).as(out.toString()).isZero();
            Map<String, String> failures = new LinkedHashMap<>();
            try (Connection connection = db.connect()) {
                queries.forEach((where, sql) -> {
                    try (Statement statement = connection.createStatement();
                         ResultSet rows = statement.executeQuery(expand(sql))) {
                        rows.getMetaData();
                    } catch (SQLException e) {
                        failures.put(where, e.getMessage());
                    }
                });
            }

            assertThat(queries).as("SQL panels found").hasSizeGreaterThanOrEqualTo(4);
            assertThat(failures).isEmpty();
        }
    }

    /** Grafana's macros, as its PostgreSQL data source expands them for the last six hours. */
    static String expand(String sql) {
        String s = TIME_FILTER.matcher(sql).replaceAll("$1 BETWEEN now() - interval '6 hours' AND now()");
        s = TIME_GROUP_ALIAS.matcher(s).replaceAll("floor(extract(epoch from $1)/($2*60))*($2*60) AS \"time\"");
        assertThat(s).as("macros this test does not expand").doesNotContain("$__");
        return s;
    }

    private static Map<String, String> sqlPanels() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Path file : OpsTools.files(OpsTools.ROOT.resolve("grafana/dashboards"), ".json")) {
            for (JsonNode panel : MonitoringQueries.panels(MonitoringQueries.JSON.readTree(file.toFile()))) {
                for (JsonNode target : panel.path("targets")) {
                    if ("grafana-postgresql-datasource".equals(target.path("datasource").path("type").asText())) {
                        queries.put(file.getFileName() + ": " + panel.path("title").asText(),
                                target.path("rawSql").asText());
                    }
                }
            }
        }
        return queries;
    }
}
