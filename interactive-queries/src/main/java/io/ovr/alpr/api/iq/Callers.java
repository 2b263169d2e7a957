package io.ovr.alpr.api.iq;

import io.javalin.http.Context;
import io.ovr.alpr.api.auth.Authenticator;
import io.ovr.alpr.api.http.RequestIds;
import java.util.Optional;

/** Builds the {@link Caller} of a request to a protected route. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Context ctx, Optional<String> purpose) {
        return new Caller(Authenticator.principal(ctx), Authenticator.presentedKey(ctx).orElse(""),
                RequestIds.of(ctx), ctx.ip(), purpose);
    }
}
