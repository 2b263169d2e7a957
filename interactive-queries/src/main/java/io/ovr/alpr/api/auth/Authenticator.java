package io.ovr.alpr.api.auth;

import io.javalin.http.Context;
import io.ovr.alpr.api.http.ApiException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the API key of every request to a route that needs a role: 401 without a key or with an
 * unknown one, 403 when the key's role is below the route's. The key comes in {@code X-API-Key} or
 * {@code Authorization: Bearer KEY}.
 */
public final class Authenticator {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String PRINCIPAL = "alpr.principal";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    public Authenticator(ApiKeys keys) {
        this.keys = keys;
    }

    /** A before-matched handler: does nothing for public routes. */
    public void check(Context ctx) {
        Optional<Role> required = ctx.routeRoles().stream().filter(Role.class::isInstance).map(Role.class::cast)
                .findFirst();
        if (required.isEmpty()) {
            return;
        }
        Optional<String> presented = presentedKey(ctx);
        Principal principal = presented.flatMap(keys::authenticate).orElseThrow(() -> ApiException.unauthorized(
                presented.isEmpty() ? "an API key is required (header X-API-Key or Authorization: Bearer)"
                        : "the API key is not known"));
        if (!principal.role().includes(required.get())) {
            throw ApiException.forbidden("role " + principal.role().name().toLowerCase(Locale.ROOT)
                    + " may not call this route; it needs " + required.get().name().toLowerCase(Locale.ROOT));
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The authenticated caller of a protected route. */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("no principal: route " + ctx.path() + " is not protected");
        }
        return principal;
    }

    /** The header that carries the caller's credentials, to forward it to a peer. */
    public static Optional<String> presentedKey(Context ctx) {
        String header = ctx.header(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.of(authorization.substring(BEARER.length()).strip());
        }
        return Optional.empty();
    }
}
