package io.ovr.alpr.cli.options;

import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import picocli.CommandLine.Option;

/** Where the Schema Registry is and how to authenticate. */
public final class RegistryOptions {

    @Option(names = "--registry-url", paramLabel = "URL",
            defaultValue = "${env:ALPR_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema Registry URL (env ALPR_REGISTRY_URL, default ${DEFAULT-VALUE}).")
    public String url;

    @Option(names = "--registry-basic-auth", paramLabel = "USER:PASSWORD",
            defaultValue = "${env:ALPR_REGISTRY_BASIC_AUTH}",
            description = "Basic-auth user info for the registry (env ALPR_REGISTRY_BASIC_AUTH).")
    public String basicAuth;

    public SchemaRegistryClient client() {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(url).withBasicAuth(basicAuth));
    }
}
