package io.ovr.alpr.api.http;

import java.time.Duration;
import java.util.Optional;

/** A failure that maps to one HTTP answer (problem JSON), optionally with Retry-After. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Optional<Duration> retryAfter;

    public ApiException(Problem problem) {
        this(problem, Optional.empty());
    }

    public ApiException(Problem problem, Optional<Duration> retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(Problem.invalid(field, detail));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "Not found", detail));
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(Problem.of(503, "Temporarily unavailable", detail),
                Optional.of(Duration.ofSeconds(2)));
    }
}
