package io.ovr.alpr.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * API keys, kept only as SHA-256 hashes. Configured as comma-separated {@code name:role:sha256hex}
 * entries (e.g. from {@code ALPR_API_KEYS}); {@link #hash(String)} makes the hex for a new key.
 * Lookups compare digests, so a key never sits in memory in clear text after start-up.
 */
public final class ApiKeys {

    private final Map<String, Principal> byHash;

    private ApiKeys(Map<String, Principal> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** Parses {@code name:role:sha256hex,...}; throws with the offending entry named when malformed. */
    public static ApiKeys parse(String spec) {
        Map<String, Principal> keys = new HashMap<>();
        if (spec != null) {
            for (String entry : spec.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] parts = entry.trim().split(":");
                if (parts.length != 3 || !parts[2].matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalArgumentException("API key entry must be name:role:sha256hex, got '"
                            + parts[0] + ":...'");
                }
                Role role = Role.valueOf(parts[1].toUpperCase(Locale.ROOT));
                keys.put(parts[2].toLowerCase(Locale.ROOT), new Principal(parts[0], role));
            }
        }
        return new ApiKeys(keys);
    }

    /** The principal of a presented key. */
    public Optional<Principal> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 256) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(presentedKey)));
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    /** Hex SHA-256 of a key, as stored in the configuration. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
