package io.ovr.alpr.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded search node: answers over HTTP, survives a kill with its documents, closes cleanly. */
@Tag("integration")
class EmbeddedOpenSearchTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldKeepItsDocumentsAcrossAKillAndRestartOnTheSamePort() throws Exception {
        try (EmbeddedOpenSearch node = EmbeddedOpenSearch.start(Optional.empty(), 0)) {
            assertThat(send("GET", node.url() + "/", null).body()).contains("\"number\" : \"2.19.1\"");
            assertThat(send("PUT", node.url() + "/probe/_doc/1?refresh=true", "{\"plate\":\"ABC1234\"}")
                    .statusCode()).isEqualTo(201);

            node.stop();
            assertThatThrownBy(() -> send("GET", node.url() + "/", null)).isInstanceOf(ConnectException.class);
            node.start();

            assertThat(send("GET", node.url() + "/probe/_doc/1", null).body()).contains("ABC1234");
        }
    }

    private static HttpResponse<String> send(String method, String url, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
