package io.ovr.alpr.api.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers before Javalin sees the request (a URI or headers too long, an
 * ambiguous or malformed path) as problem JSON too, whatever the client accepts, without HTML and
 * without stack traces.
 */
public final class JettyProblemHandler extends ErrorHandler {

    private final ProblemResponses problems;

    public JettyProblemHandler(ProblemResponses problems) {
        this.problems = problems;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int code = response.getStatus();
        String message = request.getAttribute(ERROR_MESSAGE) instanceof String text ? text : null;
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            code = http.getCode();
            response.setStatus(code);
            message = message == null ? http.getReason() : message;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        String title = HttpStatus.getMessage(code);
        Problem problem = Problem.of(code, title == null ? "Error" : title, message == null ? title : message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(problems.bytes(problem)), callback);
        return true;
    }
}
