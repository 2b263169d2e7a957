package io.ovr.alpr.api.search;

import io.ovr.alpr.api.http.TimeRange;
import java.util.Optional;

/** What narrows a search besides the plate: camera, site, region, capture time, least confidence. */
public record SearchFilters(Optional<String> camera, Optional<String> site, Optional<String> region,
                            TimeRange range, Optional<Double> minConfidence) {

    /** The filters as audit text. */
    public String describe() {
        return "camera=" + camera.orElse("*") + " site=" + site.orElse("*") + " region=" + region.orElse("*")
                + " min_confidence=" + minConfidence.map(String::valueOf).orElse("*") + " " + range.from() + "/"
                + range.to();
    }
}
