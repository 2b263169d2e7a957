package io.ovr.alpr.api.search;

import io.javalin.http.Context;
import io.ovr.alpr.api.audit.Auditor;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Params;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** HTTP handler of plate search: validate every parameter, search, audit, answer. */
public final class SearchHandlers {

    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final Set<String> MODES = Arrays.stream(SearchMode.values()).map(SearchMode::label)
            .collect(Collectors.toSet());

    private final SearchService search;
    private final Params params;
    private final Auditor auditor;

    public SearchHandlers(SearchService search, Params params, Auditor auditor) {
        this.search = search;
        this.params = params;
        this.auditor = auditor;
    }

    public void search(Context ctx) {
        String purpose = params.purpose(ctx);
        SearchMode mode = SearchMode.valueOf(params.choice(ctx, "mode", "exact", MODES).toUpperCase(Locale.ROOT));
        String q = params.bounded(ctx, "q").orElseThrow(() -> ApiException.badRequest("q", "q (the plate text or"
                + " pattern) is required"));
        PlateTerm term = PlateTerm.of(mode, q, params.integer(ctx, "distance", mode == SearchMode.FUZZY ? 1 : 0, 0,
                PlateTerm.MAX_DISTANCE));
        SearchFilters filters = new SearchFilters(params.cameraId(ctx, "camera"), params.site(ctx, "site"),
                params.region(ctx, "region"), params.range(ctx, DEFAULT_SPAN, MAX_SPAN),
                params.decimal(ctx, "min_confidence", 0, 1));
        SearchResult result = search.search(term, filters, params.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT),
                params.bounded(ctx, "cursor"));
        String asked = "q=" + q.strip() + " value=" + term.value() + (term.distance() > 0 ? " distance="
                + term.distance() : "") + " " + filters.describe();
        auditor.record(ctx, "search." + mode.label(), term.plate(), asked, purpose, result.hits().size());
        ctx.json(result);
    }
}
