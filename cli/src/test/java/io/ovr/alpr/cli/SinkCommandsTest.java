package io.ovr.alpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.devstack.PostgresDatabase;
import io.ovr.alpr.devstack.PostgresExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code alpr admin db migrate} on a real PostgreSQL, and the alerts sink's refusal of committed secrets. */
@Tag("integration")
class SinkCommandsTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.machineOrEmbedded();

    @Test
    void shouldMigrateAFreshDatabaseOnceAndChangeNothingTheSecondTime() {
        try (PostgresDatabase db = POSTGRES.newDatabase()) {
            StringWriter first = new StringWriter();
            StringWriter second = new StringWriter();

            int exit1 = AlprCommand.commandLine().setOut(new PrintWriter(first))
                    .execute("admin", "db", "migrate", "--db-url", db.jdbcUrl(), "--db-user", "");
            int exit2 = AlprCommand.commandLine().setOut(new PrintWriter(second))
                    .execute("admin", "db", "migrate", "--db-url", db.jdbcUrl(), "--db-user", "");

            assertThat(exit1).isZero();
            assertThat(exit2).isZero();
            assertThat(first.toString()).startsWith("6 migrations applied; schema version 6");
            assertThat(second.toString()).startsWith("0 migrations applied; schema version 6");
        }
    }

    @Test
    void shouldRefuseToStartTheAlertsSinkWithASecretWrittenInItsChannelsFile(@TempDir Path dir) throws Exception {
        Path channels = dir.resolve("channels.yaml");
        Files.writeString(channels, """
                channels:
                  - name: ops
                    type: webhook
                    url: http://127.0.0.1:9/hook
                    secret: committed-by-mistake
                """);
        StringWriter err = new StringWriter();

        int exit = AlprCommand.commandLine().setErr(new PrintWriter(err))
                .execute("sink", "alerts", "--channels-file", channels.toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("secrets do not belong in the channels file");
    }
}
