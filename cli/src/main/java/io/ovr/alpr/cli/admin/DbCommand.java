package io.ovr.alpr.cli.admin;

import io.ovr.alpr.cli.options.DatabaseOptions;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.Migrations;
import io.ovr.alpr.sinks.sql.migration.StorageMode;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alpr admin db ...}: the database schema. */
@Command(name = "db", description = "The PostgreSQL/TimescaleDB schema.", mixinStandardHelpOptions = true,
        subcommands = DbCommand.Migrate.class)
final class DbCommand {

    /** {@code alpr admin db migrate}: the production init job. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply the pending Flyway migrations (idempotent).")
    static final class Migrate implements Callable<Integer> {

        @Mixin
        DatabaseOptions db;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = Database.connect(db.config(), "alpr-migrate")) {
                Migrations.Result result = new Migrations(database.dataSource(), database.config()).migrate();
                StorageMode mode;
                try (Connection c = database.dataSource().getConnection()) {
                    mode = StorageMode.installed(c);
                }
                out.printf("%d migrations applied; schema version %s; plate_events stored as %s%n", result.executed(),
                        result.version(), mode);
            }
            out.flush();
            return 0;
        }
    }
}
