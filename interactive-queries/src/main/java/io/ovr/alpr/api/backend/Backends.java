package io.ovr.alpr.api.backend;

import io.ovr.alpr.sinks.objectstore.ObjectStore;
import io.ovr.alpr.sinks.search.SearchClient;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The stores the API reads besides the live state, each optional: PostgreSQL (history,
 * statistics, the audit log's reads), OpenSearch (search) and the object store (images). The
 * caller owns and closes them. Routes whose store is missing answer 503 naming the option that
 * configures it; the live routes work without any.
 *
 * @param images the store that holds the objects (existence checks)
 * @param imageLinks the same bucket as clients reach it, used only to sign URLs (often the same client)
 */
public record Backends(Optional<DataSource> database, Optional<SearchClient> search, Optional<ObjectStore> images,
                       Optional<ObjectStore> imageLinks) {

    public static Backends none() {
        return new Backends(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
