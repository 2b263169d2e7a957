package io.ovr.alpr.api.backend;

import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Problem;
import java.util.Optional;

/**
 * A store a group of routes needs. {@link #get()} answers 503 with a problem that names the
 * option configuring it when this instance runs without it (no Retry-After: waiting does not help).
 */
public final class Required<T> {

    private final Optional<T> value;
    private final String feature;
    private final String option;

    public Required(Optional<T> value, String feature, String option) {
        this.value = value;
        this.feature = feature;
        this.option = option;
    }

    public T get() {
        return value.orElseThrow(() -> new ApiException(Problem.of(503, "Not configured", feature
                + " is not configured on this instance; start alpr streams with " + option)));
    }

    public boolean isPresent() {
        return value.isPresent();
    }
}
