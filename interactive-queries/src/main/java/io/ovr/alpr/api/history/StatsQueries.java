package io.ovr.alpr.api.history;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * {@code plate_events_hourly}, ordered {@code (bucket, camera_id, site)} as its unique index, and
 * keyset-paginated on the same. {@code filters} is assembled from fixed fragments only.
 */
@RegisterConstructorMapper(HourlyBucket.class)
public interface StatsQueries {

    @SqlQuery("""
            SELECT bucket, camera_id, site, reads, unique_plates, mean_confidence FROM plate_events_hourly
            WHERE bucket >= :from AND bucket < :to <filters>
            ORDER BY bucket, camera_id, site LIMIT :limit""")
    @AllowUnusedBindings
    List<HourlyBucket> hourly(@Bind("from") Instant from, @Bind("to") Instant to, @Define("filters") String filters,
                              @Bind("camera") String camera, @Bind("site") String site,
                              @Bind("afterBucket") Instant afterBucket, @Bind("afterCamera") String afterCamera,
                              @Bind("afterSite") String afterSite, @Bind("limit") int limit);
}
