package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** What a peer sends back for a forwarded live query: its rows and the partitions they cover. */
public record PeerAnswer(List<JsonNode> rows, Set<Integer> partitions, String instance, boolean stale) {
}
