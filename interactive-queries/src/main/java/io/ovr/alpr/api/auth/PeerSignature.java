package io.ovr.alpr.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks requests between instances (HMAC-SHA256). An instance that forwards a lookup
 * signs the peer request (path, raw query, request id, hop, reported client, the caller's key
 * hash, time); the peer answers only requests whose signature checks out and is at most a minute
 * old. So the peer route cannot be called by a client directly, and the instance that answers the
 * client is the only one that writes the audit row of a request. The key is the configured peer
 * secret or, without one, derived from the API key configuration that every instance shares.
 */
public final class PeerSignature {

    /** Carries {@code t=EPOCH_SECONDS,s=HEX}. */
    public static final String HEADER = "X-Alpr-Peer-Signature";
    private static final Duration MAX_SKEW = Duration.ofSeconds(60);
    private static final Pattern VALUE = Pattern.compile("t=(\\d{1,12}),s=([0-9a-f]{64})");
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    private PeerSignature(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.clock = clock;
    }

    public static PeerSignature of(Optional<String> secret, ApiKeys keys, Clock clock) {
        byte[] material = secret.filter(s -> !s.isBlank())
                .map(s -> ApiKeys.sha256(("alpr-peer\n" + s).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(keys::fingerprint);
        return new PeerSignature(material, clock);
    }

    /** What a peer request is signed over. */
    public record Signed(String path, String rawQuery, String requestId, String hop, String forwardedFor,
                         String credentials) {

        String text(long seconds) {
            return String.join("\n", path, rawQuery == null ? "" : rawQuery, nullToEmpty(requestId),
                    nullToEmpty(hop), nullToEmpty(forwardedFor),
                    HexFormat.of().formatHex(ApiKeys.sha256(nullToEmpty(credentials).getBytes(StandardCharsets.UTF_8))),
                    Long.toString(seconds));
        }

        private static String nullToEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    /** The header value for a request sent now. */
    public String sign(Signed request) {
        long now = clock.instant().getEpochSecond();
        return "t=" + now + ",s=" + mac(request.text(now));
    }

    /** True when {@code header} is a signature of {@code request} made within the last minute (or the next). */
    public boolean verify(Signed request, String header) {
        if (header == null) {
            return false;
        }
        Matcher m = VALUE.matcher(header);
        if (!m.matches()) {
            return false;
        }
        long seconds = Long.parseLong(m.group(1));
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) {
            return false;
        }
        byte[] expected = mac(request.text(seconds)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
