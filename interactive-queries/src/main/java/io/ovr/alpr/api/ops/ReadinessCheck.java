package io.ovr.alpr.api.ops;

/**
 * One dependency that must work for this instance to serve traffic. {@code /ready} answers 200
 * only when every check passes; the streams state is one, and later components (PostgreSQL,
 * OpenSearch) add theirs.
 */
public interface ReadinessCheck {

    /** The result of one check. */
    record Result(String name, boolean ok, String detail) {
    }

    Result check();
}
