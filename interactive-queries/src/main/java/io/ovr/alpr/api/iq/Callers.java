package io.ovr.alpr.api.iq;

import io.javalin.http.Context;
import io.ovr.alpr.api.auth.Authenticator;
import io.ovr.alpr.api.http.RequestIds;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds the {@link Caller} of a request to a protected route. */
public final class Callers {

    private static final Pattern PEER = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:\\[\\]\\-]{1,64}");

    private Callers() {
    }

    /** A client's request to a public route: the client is the connection's address. */
    public static Caller of(Context ctx, Optional<String> purpose) {
        return new Caller(Authenticator.principal(ctx), Authenticator.presentedKey(ctx).orElse(""),
                RequestIds.of(ctx), ctx.ip(), purpose, Optional.empty());
    }

    /** A peer's request: the client is the one the peer reports, recorded together with the peer. */
    public static Caller ofPeer(Context ctx, Optional<String> purpose) {
        Optional<String> hop = Optional.ofNullable(ctx.header(PeerClient.HOP_HEADER)).filter(h -> PEER.matcher(h)
                .matches());
        String client = hop.map(h -> forwardedFor(ctx) + " via " + h).orElse(ctx.ip());
        return new Caller(Authenticator.principal(ctx), Authenticator.presentedKey(ctx).orElse(""),
                RequestIds.of(ctx), client, purpose, hop);
    }

    private static String forwardedFor(Context ctx) {
        String value = ctx.header(PeerClient.FORWARDED_FOR_HEADER);
        return value != null && ADDRESS.matcher(value).matches() ? value : "unknown";
    }
}
