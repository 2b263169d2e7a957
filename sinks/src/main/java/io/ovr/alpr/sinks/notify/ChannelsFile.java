package io.ovr.alpr.sinks.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notifier channels from YAML. Secrets are named, not written: {@code secret-env},
 * {@code password-env} and {@code url-env} name environment variables; a literal
 * {@code secret} or {@code password} in the file is an error.
 * Without {@code secret-env} a webhook's key is {@value #DEFAULT_SECRET_ENV}; with a
 * {@code username} and no {@code password-env} the SMTP password is {@value #DEFAULT_PASSWORD_ENV}.
 *
 * <pre>
 * channels:
 *   - name: ops-webhook
 *     type: webhook
 *     url: https://hooks.example.org/alpr
 *     secret-env: ALPR_WEBHOOK_SECRET
 *     timeout: 5s
 *     max-attempts: 4
 *     backoff: 500ms
 *     rate-limit: 60/1m
 *   - name: slack
 *     type: slack
 *     url-env: ALPR_SLACK_WEBHOOK_URL
 *   - name: duty-mail
 *     type: email
 *     smtp-host: smtp.example.org
 *     smtp-port: 587
 *     starttls: true
 *     from: alpr@example.org
 *     to: [duty@example.org]
 *     username: alpr
 *     password-env: ALPR_SMTP_PASSWORD
 * </pre>
 */
public final class ChannelsFile {

    /** Where a webhook's HMAC key comes from when the channel names no {@code secret-env}. */
    public static final String DEFAULT_SECRET_ENV = "ALPR_WEBHOOK_SECRET";
    /** Where an SMTP password comes from when the channel has a username but no {@code password-env}. */
    public static final String DEFAULT_PASSWORD_ENV = "ALPR_SMTP_PASSWORD";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private ChannelsFile() {
    }

    /**
     * Reads the channels.
     *
     * @param env resolves the named environment variables (System::getenv in production)
     */
    public static List<ChannelConfig> read(InputStream yaml, Function<String, String> env) throws IOException {
        Root root = YAML.readValue(yaml, Root.class);
        List<ChannelConfig> channels = new ArrayList<>();
        if (root.channels != null) {
            for (Entry e : root.channels) {
                channels.add(e.toConfig(env));
            }
        }
        return channels;
    }

    static Duration duration(String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (e.g. 500ms, 5s, 1m): " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    static final class Root {
        @JsonProperty("channels")
        List<Entry> channels;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    static final class Entry {
        @JsonProperty("name") String name;
        @JsonProperty("type") String type;
        @JsonProperty("url") String url;
        @JsonProperty("url-env") String urlEnv;
        @JsonProperty("secret-env") String secretEnv;
        @JsonProperty("secret") String secret;
        @JsonProperty("timeout") String timeout;
        @JsonProperty("max-attempts") Integer maxAttempts;
        @JsonProperty("backoff") String backoff;
        @JsonProperty("rate-limit") String rateLimit;
        @JsonProperty("min-priority") Integer minPriority;
        @JsonProperty("smtp-host") String smtpHost;
        @JsonProperty("smtp-port") Integer smtpPort;
        @JsonProperty("starttls") Boolean startTls;
        @JsonProperty("from") String from;
        @JsonProperty("to") List<String> to;
        @JsonProperty("username") String username;
        @JsonProperty("password-env") String passwordEnv;
        @JsonProperty("password") String password;

        ChannelConfig toConfig(Function<String, String> env) {
            if (secret != null || password != null) {
                throw new IllegalArgumentException("channel " + name + ": secrets do not belong in the channels file;"
                        + " name an environment variable with secret-env / password-env");
            }
            ChannelType kind = ChannelType.valueOf(String.valueOf(type).toUpperCase(Locale.ROOT));
            String resolvedUrl = urlEnv == null ? url : required(env, urlEnv);
            String resolvedSecret = kind != ChannelType.WEBHOOK ? null
                    : required(env, secretEnv == null ? DEFAULT_SECRET_ENV : secretEnv);
            String resolvedPassword = username == null ? null
                    : required(env, passwordEnv == null ? DEFAULT_PASSWORD_ENV : passwordEnv);
            int count = 60;
            Duration per = Duration.ofMinutes(1);
            if (rateLimit != null) {
                String[] parts = rateLimit.split("/");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("rate-limit must look like 60/1m: " + rateLimit);
                }
                count = Integer.parseInt(parts[0].trim());
                per = duration(parts[1], per);
            }
            return new ChannelConfig(name, kind, resolvedUrl, resolvedSecret, duration(timeout, Duration.ofSeconds(5)),
                    maxAttempts == null ? 4 : maxAttempts, duration(backoff, Duration.ofMillis(500)), count, per,
                    minPriority == null ? 0 : minPriority, smtpHost, smtpPort == null ? 25 : smtpPort,
                    Boolean.TRUE.equals(startTls), from, to, username, resolvedPassword);
        }

        private static String required(Function<String, String> env, String variable) {
            String value = env.apply(variable);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + variable + " is not set");
            }
            return value;
        }
    }
}
