package io.ovr.alpr.sinks.sql;

import io.ovr.alpr.sinks.sql.migration.V2__PlateEvents;
import io.ovr.alpr.sinks.sql.migration.V3__PlateEventsHourly;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema of OVR-ALPR, migrated by Flyway: SQL files in {@code db/migration} plus the Java
 * migrations that choose between TimescaleDB and native partitioning. Run by
 * {@code alpr admin db migrate} (the production init job), the demo and the tests.
 */
public final class Migrations {

    /** Days after which TimescaleDB compresses chunks. */
    static final int COMPRESS_AFTER_DAYS = 7;

    private final Flyway flyway;

    public Migrations(DataSource dataSource, DatabaseConfig config) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V2__PlateEvents(config.retentionDays(), COMPRESS_AFTER_DAYS),
                        new V3__PlateEventsHourly())
                .failOnMissingLocations(true)
                .load();
    }

    /** Applies what is pending; returns how many migrations ran (0 when the schema is current). */
    public Result migrate() {
        MigrateResult result = flyway.migrate();
        return new Result(result.migrationsExecuted, result.targetSchemaVersion == null
                ? String.valueOf(flyway.info().current() == null ? "none" : flyway.info().current().getVersion())
                : result.targetSchemaVersion);
    }

    /** Validates applied migrations against the ones in this build (checksums of SQL files). */
    public void validate() {
        flyway.validate();
    }

    /**
     * @param executed migrations applied by this call
     * @param version the schema version afterwards
     */
    public record Result(int executed, String version) {
    }
}
