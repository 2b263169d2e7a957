package io.ovr.alpr.api.images;

import io.ovr.alpr.api.backend.Required;
import io.ovr.alpr.api.history.HistoryService;
import io.ovr.alpr.api.history.ImageKeys;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import io.ovr.alpr.sinks.objectstore.ObjectStoreException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links to an event's images: the object key comes from the event's row in PostgreSQL (written by
 * the edge through the topology and the sink), never from the client, so a request can only reach
 * objects that some event names. The answer is a short-lived presigned GET URL.
 */
public final class ImageService {

    private static final Logger LOG = LoggerFactory.getLogger(ImageService.class);

    /** What a lookup found: the event's plate (for the audit log) and the link, when there is an image. */
    public record Link(Optional<String> plate, Optional<URI> url) {
    }

    private final HistoryService history;
    private final Required<ObjectStore> store;
    private final Required<ObjectStore> signer;
    private final Duration validity;

    public ImageService(HistoryService history, Required<ObjectStore> store, Required<ObjectStore> signer,
                        Duration validity) {
        this.history = history;
        this.store = store;
        this.signer = signer;
        this.validity = validity;
    }

    public Link link(UUID eventId, ImageKind kind) {
        ObjectStore objects = store.get();
        Optional<ImageKeys> keys = history.imageKeys(eventId);
        if (keys.isEmpty()) {
            return new Link(Optional.empty(), Optional.empty());
        }
        Optional<String> plate = Optional.of(keys.get().normalized());
        String key = kind.key(keys.get());
        try {
            if (key == null || !objects.exists(key)) {
                return new Link(plate, Optional.empty());
            }
            return new Link(plate, Optional.of(signer.get().presignedGet(key, validity)));
        } catch (ObjectStoreException e) {
            LOG.warn("object store cannot answer for event {}: {}", eventId, e.getMessage());
            throw ApiException.unavailable("images: the object store cannot answer now; retry shortly");
        } catch (IllegalArgumentException e) {
            LOG.warn("event {} names an unusable object key: {}", eventId, e.getMessage());
            return new Link(plate, Optional.empty());
        }
    }
}
