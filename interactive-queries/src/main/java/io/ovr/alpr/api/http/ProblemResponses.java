package io.ovr.alpr.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error policy of the API: every failure leaves as an RFC 9457 problem document.
 * {@link ApiException}s carry their own status and headers; Javalin's own responses (404 for an
 * unknown route, 405, 413) are rewritten as problems; anything unexpected is logged with an id
 * and answered 500 with that id only, never with a stack trace.
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper mapper;

    public ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.problem(), e.headers()));
        routes.exception(HttpResponseException.class, this::javalin);
        routes.exception(Exception.class, this::unexpected);
    }

    public void write(Context ctx, Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(bytes(problem.at(ctx.path())));
    }

    /** The problem as JSON bytes (also used by the Jetty-level error handler). */
    public byte[] bytes(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"title\":\"Error\",\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private void javalin(HttpResponseException e, Context ctx) {
        HttpStatus status = HttpStatus.forStatus(e.getStatus());
        String detail = switch (e.getStatus()) {
            case 404 -> "no route " + ctx.method().name() + " " + ctx.path();
            case 405 -> "method " + ctx.method().name() + " is not allowed on " + ctx.path();
            case 413 -> "the request body is larger than this route accepts";
            default -> status.getMessage();
        };
        write(ctx, Problem.of(e.getStatus(), status.getMessage(), detail), Map.of());
    }

    private void unexpected(Exception e, Context ctx) {
        String id = UUID.randomUUID().toString();
        LOG.error("unexpected failure {} on {} {}", id, ctx.method().name(), ctx.path(), e);
        write(ctx, Problem.of(500, "Internal error", "unexpected failure, logged as " + id), Map.of());
    }
}
