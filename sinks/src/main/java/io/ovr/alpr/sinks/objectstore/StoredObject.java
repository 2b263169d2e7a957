package io.ovr.alpr.sinks.objectstore;

import java.util.Map;

/**
 * An object read back from the store.
 *
 * @param metadata user metadata, keys in lower case without the {@code x-amz-meta-} prefix
 */
public record StoredObject(String key, byte[] content, String contentType, Map<String, String> metadata) {

    public StoredObject {
        metadata = Map.copyOf(metadata);
    }
}
