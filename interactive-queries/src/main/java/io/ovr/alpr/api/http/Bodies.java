package io.ovr.alpr.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads request bodies: JSON into records with the failing field named, and bounded size. */
public final class Bodies {

    /** Largest JSON body any route accepts. */
    public static final int MAX_JSON_BYTES = 64 * 1024;

    private final ObjectMapper mapper;

    public Bodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T json(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(Problem.of(415, "Unsupported media type", "send the body as application/json"));
        }
        byte[] body = bytes(ctx, MAX_JSON_BYTES);
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("body", "the body must be a JSON object");
            }
            return value;
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").collect(Collectors.joining("."));
            throw ApiException.badRequest(field.isEmpty() ? "body" : field, (field.isEmpty() ? "body" : field)
                    + " is missing, unknown or of the wrong type");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "the body is not valid JSON");
        } catch (IOException e) {
            throw ApiException.badRequest("body", "the body could not be read");
        }
    }

    /** The raw body, 413 when it is longer than {@code max} bytes. */
    public byte[] bytes(Context ctx, int max) {
        if (ctx.contentLength() > max) {
            throw ApiException.tooLarge("the body may be at most " + max + " bytes");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > max) {
            throw ApiException.tooLarge("the body may be at most " + max + " bytes");
        }
        return body;
    }
}
