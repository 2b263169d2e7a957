package io.ovr.alpr.cli.admin;

import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.api.admin.HotlistCsv;
import io.ovr.alpr.schema.HotlistEntry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code alpr admin hotlist import}: the same CSV rules as {@code POST /api/v1/hotlist/import}
 * (checked whole before anything is written), produced straight to {@code alpr.hotlist}.
 */
final class HotlistImport {

    private final AdminWriter writer;
    private final Clock clock;

    HotlistImport(AdminWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** The number of entries written; {@link HotlistCsv.InvalidCsvException} when the file has problems. */
    int run(Path csv, String writtenBy) throws IOException {
        List<HotlistEntry> entries;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            entries = HotlistCsv.parse(reader, writtenBy, clock.instant());
        }
        writer.putHotlist(entries);
        return entries.size();
    }
}
