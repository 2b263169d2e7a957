package io.ovr.alpr.api.ops;

import io.ovr.alpr.sinks.search.SearchClient;
import java.io.IOException;
import org.opensearch.client.opensearch._types.OpenSearchException;

/** Ready when the search cluster answers a ping. */
public final class SearchReadiness implements ReadinessCheck {

    private final SearchClient search;

    public SearchReadiness(SearchClient search) {
        this.search = search;
    }

    @Override
    public Result check() {
        try {
            return search.client().ping().value() ? new Result("opensearch", true, "ok")
                    : new Result("opensearch", false, "ping refused");
        } catch (IOException | OpenSearchException e) {
            return new Result("opensearch", false, "unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
