package io.ovr.alpr.edge.pipeline;

import io.ovr.alpr.schema.PlateRead;

/** Where the edge hands each voted plate read (e.g. a Kafka publisher, a file, a test list). */
@FunctionalInterface
public interface ReadSink {

    /** One read of a finished track, with the JPEG of its best crop. */
    void accept(PlateRead read, byte[] cropJpeg);
}
