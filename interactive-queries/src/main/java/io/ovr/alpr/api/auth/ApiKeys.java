package io.ovr.alpr.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * API keys, kept only as SHA-256 hashes. Configured as comma- or newline-separated entries
 * {@code name:role:sha256:HEX} (the hash of the key; the key itself never appears in configuration)
 * or, for development, {@code name:role:KEY} (hashed at start-up, at least 16 characters).
 * {@link #generate()} makes a new random key and {@link #hash(String)} its stored form.
 */
public final class ApiKeys {

    private static final int MIN_KEY_LENGTH = 16;
    private static final int MAX_KEY_LENGTH = 256;

    private final Map<String, Principal> byHash;

    private ApiKeys(Map<String, Principal> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** Parses the entries; throws naming the offending entry (never echoing a key) when one is malformed. */
    public static ApiKeys parse(String spec) {
        Map<String, Principal> keys = new HashMap<>();
        if (spec != null) {
            for (String entry : spec.split("[,\\n]")) {
                String trimmed = entry.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split(":", 3);
                if (parts.length != 3 || parts[0].isBlank()) {
                    throw new IllegalArgumentException("API key entry must be name:role:sha256:HEX or name:role:KEY,"
                            + " got an entry starting '" + parts[0] + "'");
                }
                Principal principal = new Principal(parts[0], role(parts[0], parts[1]));
                String hash = storedHash(parts[0], parts[2]);
                if (keys.putIfAbsent(hash, principal) != null) {
                    throw new IllegalArgumentException("API key of '" + parts[0] + "' is configured twice");
                }
            }
        }
        return new ApiKeys(keys);
    }

    /** The principal of a presented key. */
    public Optional<Principal> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(presentedKey)));
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    public int size() {
        return byHash.size();
    }

    /** Hex SHA-256 of a key, as stored in the configuration after {@code sha256:}. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A new random key: 32 bytes from a strong source, URL-safe Base64 (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Role role(String name, String value) {
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("API key '" + name + "': role must be viewer, investigator or admin");
        }
    }

    private static String storedHash(String name, String secret) {
        if (secret.startsWith("sha256:")) {
            String hex = secret.substring("sha256:".length());
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("API key '" + name + "': sha256: must be followed by 64 hex digits");
            }
            return hex.toLowerCase(Locale.ROOT);
        }
        if (secret.length() < MIN_KEY_LENGTH || secret.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("API key '" + name + "': a key must be " + MIN_KEY_LENGTH + "-"
                    + MAX_KEY_LENGTH + " characters (or give its hash as sha256:HEX)");
        }
        return hash(secret);
    }
}
