package io.ovr.alpr.sinks.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** An opensearch-java client over Apache HttpClient 5 for one cluster; closes its transport. */
public final class SearchClient implements AutoCloseable {

    private final OpenSearchTransport transport;
    private final OpenSearchClient client;

    private SearchClient(OpenSearchTransport transport) {
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
    }

    public static SearchClient connect(OpenSearchConfig config) {
        URI uri = URI.create(config.url());
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0 ? 9200 : uri.getPort());
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper(new ObjectMapper()));
        if (config.user() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(config.user(),
                    config.password() == null ? new char[0] : config.password().toCharArray()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return new SearchClient(builder.build());
    }

    public OpenSearchClient client() {
        return client;
    }

    /** The generic client for requests the typed API does not cover (raw JSON bodies). */
    public OpenSearchGenericClient generic() {
        return client.generic();
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
