package io.ovr.alpr.sinks.sql.dao;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** {@code cameras}: upserted from the compacted topic; a tombstone deletes. */
@RegisterConstructorMapper(CameraRow.class)
public interface CameraDao {

    @SqlBatch("""
            INSERT INTO cameras (camera_id, name, site, location, latitude, longitude, heading, default_region,
                                 pass_window_ms, enabled, updated_at)
            VALUES (:cameraId, :name, :site, :location, :latitude, :longitude, :heading, :defaultRegion,
                    :passWindowMs, :enabled, :updatedAt)
            ON CONFLICT (camera_id) DO UPDATE SET name = EXCLUDED.name, site = EXCLUDED.site,
                location = EXCLUDED.location, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                heading = EXCLUDED.heading, default_region = EXCLUDED.default_region,
                pass_window_ms = EXCLUDED.pass_window_ms, enabled = EXCLUDED.enabled,
                updated_at = EXCLUDED.updated_at, written_at = now()""")
    void upsert(@BindMethods List<CameraRow> cameras);

    @SqlBatch("DELETE FROM cameras WHERE camera_id = :cameraId")
    void delete(@Bind("cameraId") List<String> cameraIds);

    @SqlQuery("""
            SELECT camera_id, name, site, location, latitude, longitude, heading, default_region, pass_window_ms,
                   enabled, updated_at
            FROM cameras WHERE camera_id = :cameraId""")
    Optional<CameraRow> find(@Bind("cameraId") String cameraId);

    @SqlQuery("SELECT count(*) FROM cameras")
    int count();
}
