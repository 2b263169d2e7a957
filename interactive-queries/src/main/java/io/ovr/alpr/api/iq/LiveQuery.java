package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of read of the live state: which store, which key (or all keys), how this instance
 * reads its partitions, how parts from several instances merge, and how the query travels to a
 * peer. Answers that hold plate data name an audit action.
 */
public interface LiveQuery<T> {

    /** The name of the query in the peer route {@code /internal/v1/live/{kind}}. */
    String kind();

    String store();

    /** The key whose partition holds the answer; empty for all-keys queries. */
    Optional<String> key();

    /** This instance's rows of {@code partitions}, ordered and limited. */
    Part<T> read(LocalStores stores, Set<Integer> partitions, boolean standby, String instance);

    /** Orders and limits the rows merged from several parts. */
    List<T> merge(List<T> rows);

    /** The query parameters that rebuild this query at a peer. */
    Map<String, String> parameters();

    /** The row type, to read rows that a peer sent as JSON. */
    TypeReference<T> rowType();

    /** The audit action when the answer holds plate data. */
    Optional<String> auditAction();

    /** What was asked, for the audit log. */
    String subject();
}
