package io.ovr.alpr.sinks.sql.dao;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code query_audit}, written by the query API. */
@RegisterConstructorMapper(AuditEntry.class)
public interface QueryAuditDao {

    @SqlUpdate("""
            INSERT INTO query_audit (at, principal, role, action, plate, query, purpose, results, client, instance)
            VALUES (coalesce(:at, now()), :principal, :role, :action, :plate, :query, :purpose, :results, :client,
                    :instance)""")
    void insert(@BindMethods AuditEntry entry);

    @SqlQuery("""
            SELECT at, principal, role, action, plate, query, purpose, results, client, instance
            FROM query_audit WHERE plate = :plate ORDER BY at DESC LIMIT :limit""")
    List<AuditEntry> forPlate(@Bind("plate") String plate, @Bind("limit") int limit);
}
