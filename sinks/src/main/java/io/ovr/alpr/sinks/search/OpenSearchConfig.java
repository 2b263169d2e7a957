package io.ovr.alpr.sinks.search;

import java.net.URI;
import java.util.Objects;

/**
 * Where the search cluster is and how the event indices are kept.
 *
 * @param url e.g. {@code http://localhost:9200}
 * @param user basic-auth user, or null
 * @param password basic-auth password, or null (from the environment, never committed)
 * @param retentionDays daily indices older than this are deleted; 0 keeps them forever
 * @param shards primary shards of each daily index
 * @param replicas replicas of each daily index (0 on a single node)
 */
public record OpenSearchConfig(String url, String user, String password, int retentionDays, int shards,
                               int replicas) {

    public OpenSearchConfig {
        Objects.requireNonNull(url, "url");
        URI uri = URI.create(url);
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("OpenSearch URL must be http(s)://host:port, was " + url);
        }
        if (shards < 1 || replicas < 0 || retentionDays < 0) {
            throw new IllegalArgumentException("shards >= 1, replicas >= 0 and retention >= 0 days");
        }
    }

    public static OpenSearchConfig of(String url) {
        return new OpenSearchConfig(url, null, null, 30, 1, 0);
    }

    public OpenSearchConfig withRetentionDays(int days) {
        return new OpenSearchConfig(url, user, password, days, shards, replicas);
    }

    @Override
    public String toString() {
        return "OpenSearchConfig[" + url + ", user=" + user + ", retentionDays=" + retentionDays + "]";
    }
}
