package io.ovr.alpr.api.admin;

import io.javalin.http.Context;
import io.ovr.alpr.api.auth.Authenticator;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Bodies;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.api.http.Problem;
import io.ovr.alpr.api.http.AvroJson;
import io.ovr.alpr.schema.HotlistEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** HTTP handlers of hotlist administration: changes go to the compacted {@code alpr.hotlist} topic. */
public final class HotlistHandlers {

    /** Largest CSV the import accepts. */
    public static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;

    /** A page of hotlist entries. */
    public record EntryPage(List<Object> entries, String next) {
    }

    /** A change the broker acknowledged; the global store shows it moments later. */
    public record Accepted(String status, String plate, Object entry) {
    }

    /** The result of a CSV import. */
    public record Imported(String status, int imported) {
    }

    private final AdminWriter writer;
    private final GlobalStores stores;
    private final Params params;
    private final Bodies bodies;

    public HotlistHandlers(AdminWriter writer, GlobalStores stores, Params params, Bodies bodies) {
        this.writer = writer;
        this.stores = stores;
        this.params = params;
        this.bodies = bodies;
    }

    public void list(Context ctx) {
        Optional<String> after = params.bounded(ctx, "after").map(a -> params.plate("after", a));
        GlobalStores.Page<HotlistEntry> page = stores.hotlist(after, params.limit(ctx, 100, 1000));
        ctx.json(new EntryPage(page.items().stream().map(AvroJson::plain).toList(), page.next().orElse(null)));
    }

    public void get(Context ctx) {
        String plate = params.plate(ctx, "plate");
        HotlistEntry entry = stores.hotlistEntry(plate).orElseThrow(() -> ApiException.notFound(plate
                + " is not on the hotlist"));
        ctx.json(AvroJson.plain(entry));
    }

    public void put(Context ctx) {
        String plate = params.plate(ctx, "plate");
        HotlistRequest body = bodies.json(ctx, HotlistRequest.class);
        HotlistEntry entry = HotlistEntries.entry(plate, body.reason(), body.priority(), body.listName(),
                body.expiresAt(), body.notes(), Authenticator.principal(ctx).name(), params.now());
        writer.putHotlist(entry);
        ctx.status(202).json(new Accepted("accepted", plate, AvroJson.plain(entry)));
    }

    public void delete(Context ctx) {
        String plate = params.plate(ctx, "plate");
        writer.deleteHotlist(plate);
        ctx.status(202).json(new Accepted("accepted", plate, null));
    }

    public void importCsv(Context ctx) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/csv") && !type.startsWith("text/plain")) {
            throw new ApiException(Problem.of(415, "Unsupported media type", "send the file as text/csv"));
        }
        byte[] csv = bodies.bytes(ctx, MAX_IMPORT_BYTES);
        List<HotlistEntry> entries;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            entries = HotlistCsv.parse(reader, Authenticator.principal(ctx).name(), params.now());
        } catch (HotlistCsv.InvalidCsvException e) {
            throw new ApiException(Problem.invalidBody("the file was not imported: " + e.errors().size()
                    + " problem(s), nothing was written", e.errors()), Map.of());
        }
        writer.putHotlist(entries);
        ctx.status(202).json(new Imported("accepted", entries.size()));
    }
}
