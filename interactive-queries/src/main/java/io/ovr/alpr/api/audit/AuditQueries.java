package io.ovr.alpr.api.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@code query_audit} as the API writes and reads it. Reads are newest first, keyset-paginated on
 * {@code (at, id)}; {@code filters} is assembled from fixed fragments only ({@link AuditFilter}),
 * never from client text.
 */
@RegisterConstructorMapper(AuditRow.class)
public interface AuditQueries {

    @SqlUpdate("""
            INSERT INTO query_audit (at, principal, role, action, plate, query, purpose, results, client, instance)
            VALUES (:at, :principal, :role, :action, :plate, :query, :purpose, :results, :client, :instance)""")
    void insert(@BindMethods AuditEntry entry);

    @SqlQuery("""
            SELECT id, at, principal, role, action, plate, query, purpose, results, client, instance
            FROM query_audit
            WHERE at >= :from AND at < :to <filters>
            ORDER BY at DESC, id DESC LIMIT :limit""")
    @AllowUnusedBindings
    List<AuditRow> page(@Bind("from") Instant from, @Bind("to") Instant to, @Define("filters") String filters,
                        @Bind("principal") String principal, @Bind("plate") String plate,
                        @Bind("afterAt") Instant afterAt, @Bind("afterId") Long afterId, @Bind("limit") int limit);
}
