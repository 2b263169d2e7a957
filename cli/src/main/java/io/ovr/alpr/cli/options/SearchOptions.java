package io.ovr.alpr.cli.options;

import io.ovr.alpr.sinks.search.OpenSearchConfig;
import picocli.CommandLine.Option;

/** Where OpenSearch is and how the daily event indices are kept. */
public final class SearchOptions {

    @Option(names = "--opensearch-url", defaultValue = "${env:ALPR_OPENSEARCH_URL:-http://localhost:9200}",
            description = "OpenSearch URL (env ALPR_OPENSEARCH_URL, default ${DEFAULT-VALUE}).")
    public String url;

    @Option(names = "--opensearch-user", defaultValue = "${env:ALPR_OPENSEARCH_USER}",
            description = "Basic-auth user (env ALPR_OPENSEARCH_USER).")
    public String user;

    @Option(names = "--opensearch-password", defaultValue = "${env:ALPR_OPENSEARCH_PASSWORD}",
            description = "Basic-auth password (env ALPR_OPENSEARCH_PASSWORD).")
    public String password;

    @Option(names = "--index-retention-days", defaultValue = "${env:ALPR_INDEX_RETENTION_DAYS:-30}",
            description = "Days of daily event indices kept, 0 keeps all (env ALPR_INDEX_RETENTION_DAYS,"
                    + " default ${DEFAULT-VALUE}).")
    public int retentionDays;

    @Option(names = "--index-shards", defaultValue = "${env:ALPR_INDEX_SHARDS:-1}",
            description = "Primary shards per daily index (env ALPR_INDEX_SHARDS, default ${DEFAULT-VALUE}).")
    public int shards;

    @Option(names = "--index-replicas", defaultValue = "${env:ALPR_INDEX_REPLICAS:-0}",
            description = "Replicas per daily index (env ALPR_INDEX_REPLICAS, default ${DEFAULT-VALUE}).")
    public int replicas;

    public OpenSearchConfig config() {
        return new OpenSearchConfig(url, user, password, retentionDays, shards, replicas);
    }
}
