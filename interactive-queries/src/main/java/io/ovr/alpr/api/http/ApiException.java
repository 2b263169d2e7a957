package io.ovr.alpr.api.http;

import java.time.Duration;
import java.util.Map;

/**
 * A failure that maps to one HTTP answer: a problem document plus the headers that belong to it
 * (Retry-After on 503, WWW-Authenticate on 401). Thrown by services and validators, turned into
 * the response by {@link ProblemResponses}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How long a client should wait before retrying a 503. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ApiException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public ApiException(Problem problem) {
        this(problem, Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(Problem.invalid(field, detail));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "Not found", detail));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(Problem.of(401, "Unauthorized", detail),
                Map.of("WWW-Authenticate", "Bearer realm=\"alpr\""));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of(403, "Forbidden", detail));
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(Problem.of(413, "Content too large", detail));
    }

    /** 503 with Retry-After: the answer exists but cannot be given right now (rebalance, store restoring). */
    public static ApiException unavailable(String detail) {
        return new ApiException(Problem.of(503, "Temporarily unavailable", detail),
                Map.of("Retry-After", Long.toString(RETRY_AFTER.toSeconds())));
    }
}
