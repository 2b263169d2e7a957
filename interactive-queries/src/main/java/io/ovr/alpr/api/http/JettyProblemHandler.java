package io.ovr.alpr.api.http;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers before Javalin sees the request (a URI or headers too long, an
 * ambiguous or malformed path) as problem JSON too, without HTML and without stack traces.
 */
public final class JettyProblemHandler extends ErrorHandler {

    private final ProblemResponses problems;

    public JettyProblemHandler(ProblemResponses problems) {
        this.problems = problems;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code,
                                                 String message, Throwable cause) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(problems.bytes(problem(code, message))), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(problems.bytes(problem(status, reason)));
    }

    private static Problem problem(int code, String message) {
        String title = HttpStatus.getMessage(code);
        return Problem.of(code, title == null ? "Error" : title, message == null ? title : message);
    }
}
