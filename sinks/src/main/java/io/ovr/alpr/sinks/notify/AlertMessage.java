package io.ovr.alpr.sinks.notify;

import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.sinks.core.AvroJson;
import java.util.Locale;

/** The texts a channel sends for an alert: the full JSON, a one-line summary and an e-mail subject. */
public record AlertMessage(String alertId, int priority, String json, String summary, String subject) {

    public static AlertMessage of(Alert a) {
        String where = a.getCameraId() + (a.getSite() == null ? "" : " (" + a.getSite() + ")");
        String what = a.getKind() + (a.getRuleName() == null ? "" : " " + a.getRuleName());
        String summary = String.format(Locale.ROOT, "%s alert: plate %s%s at %s, priority %d, %s - %s", what,
                a.getPlate(), a.getMatchedPlate() == null || a.getMatchedPlate().equals(a.getPlate()) ? ""
                        : " (matches " + a.getMatchedPlate() + ")", where, a.getPriority(), a.getRaisedAt(),
                a.getReason());
        String subject = String.format(Locale.ROOT, "[ALPR] %s %s at %s", what, a.getPlate(), a.getCameraId());
        return new AlertMessage(a.getAlertId(), a.getPriority(), AvroJson.json(a), summary, subject);
    }
}
