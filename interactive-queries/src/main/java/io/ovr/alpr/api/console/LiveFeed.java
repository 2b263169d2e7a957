package io.ovr.alpr.api.console;

import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live feed behind the console: one consumer (no group, {@code read_committed}) follows
 * {@code alpr.plates.enriched} and {@code alpr.alerts} and hands every record, as a small JSON-ready
 * map, to each subscriber. It starts {@link #RECENT} records before the end of each partition, so a
 * new subscriber first gets the latest reads and alerts. Each subscriber has a bounded queue and its
 * own sender thread: a client too slow to keep up loses its oldest items (counted), never the feed.
 */
public final class LiveFeed implements AutoCloseable {

    public static final int RECENT = 30;
    static final int MAX_SUBSCRIBERS = 64;
    private static final int QUEUE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    /** One item of the feed: {@code read} (a vehicle pass or its update) or {@code alert}. */
    public record Item(String type, Map<String, Object> data) {
    }

    private final TopicAccess access;
    private final Deserializer<PlateEvent> events;
    private final Deserializer<Alert> alerts;
    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<Item> recent = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    public LiveFeed(TopicAccess access) {
        this.access = access;
        this.events = access.topics().platesEnriched().valueSerde().deserializer();
        this.alerts = access.topics().alerts().valueSerde().deserializer();
        this.thread = new Thread(this::run, "alpr-api-live-feed");
        thread.setDaemon(true);
    }

    public LiveFeed start() {
        thread.start();
        return this;
    }

    /**
     * Subscribes {@code sink}: it gets the recent items, then every new one, on a thread of its own,
     * until the subscription is closed or {@code sink} throws.
     *
     * @throws IllegalStateException when {@link #MAX_SUBSCRIBERS} are already subscribed
     */
    public Subscription subscribe(Consumer<Item> sink) {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            throw new IllegalStateException("too many live feed subscribers (" + MAX_SUBSCRIBERS + ")");
        }
        Subscription s = new Subscription(sink);
        synchronized (recent) {
            recent.forEach(s::offer);
            subscribers.add(s);
        }
        s.start();
        return s;
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        subscribers.forEach(Subscription::close);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = access.consumer("alpr-api-live-feed")) {
            consumer = c;
            List<TopicPartition> partitions = awaitPartitions(c);
            c.assign(partitions);
            rewind(c, partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : c.poll(Duration.ofMillis(500))) {
                    Item item = decode(record);
                    if (item != null) {
                        publish(item);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the consumer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("live feed stopped: {}", e.toString(), e);
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) throws InterruptedException {
        while (running) {
            List<TopicPartition> found = new ArrayList<>();
            for (String topic : List.of(AlprTopics.PLATES_ENRICHED, AlprTopics.ALERTS)) {
                List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
                infos.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
            }
            if (found.stream().map(TopicPartition::topic).distinct().count() == 2) {
                return found;
            }
            TimeUnit.SECONDS.sleep(2);
        }
        throw new WakeupException();
    }

    private static void rewind(KafkaConsumer<byte[], byte[]> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            c.seek(tp, Math.max(begin.get(tp), end.get(tp) - RECENT));
        }
    }

    private Item decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            if (record.topic().equals(AlprTopics.ALERTS)) {
                return new Item("alert", FeedItems.alert(alerts.deserialize(record.topic(), record.value())));
            }
            return new Item("read", FeedItems.read(events.deserialize(record.topic(), record.value())));
        } catch (RuntimeException e) {
            if (undecodable.getAndIncrement() % 1_000 == 0) {
                LOG.warn("live feed skips an undecodable record of {} at {}: {}", record.topic(), record.offset(),
                        e.toString());
            }
            return null;
        }
    }

    private void publish(Item item) {
        synchronized (recent) {
            recent.addLast(item);
            while (recent.size() > RECENT) {
                recent.removeFirst();
            }
            subscribers.forEach(s -> s.offer(item));
        }
    }

    /** One subscriber: a bounded queue drained by its own thread into the sink. */
    public final class Subscription implements AutoCloseable {

        private final Consumer<Item> sink;
        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
        private final Thread sender;
        private volatile boolean open = true;

        private Subscription(Consumer<Item> sink) {
            this.sink = sink;
            this.sender = new Thread(this::drain, "alpr-api-live-feed-client");
            sender.setDaemon(true);
        }

        private void start() {
            sender.start();
        }

        private void offer(Item item) {
            while (!queue.offer(item)) {
                if (queue.poll() != null && dropped.getAndIncrement() % 1_000 == 0) {
                    LOG.warn("a live feed client is too slow: {} items dropped so far", dropped.get());
                }
            }
        }

        private void drain() {
            try {
                while (open) {
                    Item item = queue.poll(1, TimeUnit.SECONDS);
                    if (item != null) {
                        sink.accept(item);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException clientGone) {
                LOG.debug("live feed client gone: {}", clientGone.toString());
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            open = false;
            subscribers.remove(this);
            if (Thread.currentThread() != sender) {
                sender.interrupt();
            }
        }
    }

    /** The fields of reads and alerts the feed carries: enough for a list, never the images themselves. */
    static final class FeedItems {

        private FeedItems() {
        }

        static Map<String, Object> read(PlateEvent e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event_id", e.getEventId());
            m.put("plate_text", e.getPlateText());
            m.put("normalized", e.getNormalized());
            m.put("confidence", e.getConfidence());
            m.put("region", e.getRegion());
            m.put("camera_id", e.getCameraId());
            m.put("camera_name", e.getCameraName());
            m.put("site", e.getSite());
            m.put("captured_at", e.getCapturedAt().toString());
            m.put("read_count", e.getReadCount());
            m.put("has_plate_image", e.getCropKey() != null);
            m.put("has_frame_image", e.getFrameKey() != null);
            return m;
        }

        static Map<String, Object> alert(Alert a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alert_id", a.getAlertId());
            m.put("event_id", a.getEventId());
            m.put("kind", a.getKind());
            m.put("match_kind", a.getMatchKind());
            m.put("rule_name", a.getRuleName());
            m.put("priority", a.getPriority());
            m.put("reason", a.getReason());
            m.put("plate", a.getPlate());
            m.put("matched_plate", a.getMatchedPlate());
            m.put("camera_id", a.getCameraId());
            m.put("raised_at", a.getRaisedAt().toString());
            return m;
        }
    }
}
