package io.ovr.alpr.edge.publish;

import io.ovr.alpr.schema.FrameCaptured;
import io.ovr.alpr.schema.PlateRead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * One unit of publishing, as kept in the {@link Spool}: an event for Kafka (a {@link PlateRead} or
 * a {@link FrameCaptured}, keyed by camera id) and the images it refers to, each under the object
 * key that the event names.
 *
 * @param event the event
 * @param images the images to store before the event is sent
 */
public record Outgoing(SpecificRecord event, List<Image> images) {

    private static final byte READ = 1;
    private static final byte FRAME = 2;

    /**
     * An image for the object store.
     *
     * @param key the object key
     * @param contentType e.g. {@code image/jpeg}
     * @param bytes the content
     */
    public record Image(String key, String contentType, byte[] bytes) {
    }

    public Outgoing {
        if (!(event instanceof PlateRead) && !(event instanceof FrameCaptured)) {
            throw new IllegalArgumentException("not an edge event: " + event.getClass().getName());
        }
        images = List.copyOf(images);
    }

    /** The camera id: the Kafka key. */
    public String cameraId() {
        return event instanceof PlateRead r ? r.getCameraId() : ((FrameCaptured) event).getCameraId();
    }

    /** Encoded for the spool: kind, the event in Avro single-object encoding, then each image. */
    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(event instanceof PlateRead ? READ : FRAME);
            ByteBuffer avro = event instanceof PlateRead r ? r.toByteBuffer() : ((FrameCaptured) event).toByteBuffer();
            out.writeInt(avro.remaining());
            out.write(avro.array(), avro.arrayOffset() + avro.position(), avro.remaining());
            out.writeInt(images.size());
            for (Image img : images) {
                out.writeUTF(img.key());
                out.writeUTF(img.contentType());
                out.writeInt(img.bytes().length);
                out.write(img.bytes());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Outgoing decode(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            byte kind = in.readByte();
            byte[] avro = new byte[in.readInt()];
            in.readFully(avro);
            SpecificRecord event = switch (kind) {
                case READ -> PlateRead.fromByteBuffer(ByteBuffer.wrap(avro));
                case FRAME -> FrameCaptured.fromByteBuffer(ByteBuffer.wrap(avro));
                default -> throw new IOException("unknown spool entry kind " + kind);
            };
            int n = in.readInt();
            List<Image> images = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                String type = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                images.add(new Image(key, type, b));
            }
            return new Outgoing(event, images);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
