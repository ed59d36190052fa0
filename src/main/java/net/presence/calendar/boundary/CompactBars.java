package net.presence.calendar.boundary;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.presence.calendar.control.CalendarEvent;
import net.presence.calendar.control.Legend;

/**
 * The calendar page's bars in a compact form, which calendar.js turns into the timeline's items:
 * <pre>{"from": "2025-08-04T00:00:00", "kinds": ["kind-closed", ...], "rows": ["AA:BB:...", ...],
 *  "bars": [row, start, end, kind, "tooltip", row, start, end, kind, "tooltip", ...]}</pre>
 * {@code row} and {@code kind} index {@code rows} and {@code kinds}; {@code start} and {@code end}
 * are seconds from {@code from} (all wall times of the display zone, as the JSON's); the tooltip is
 * the JSON's, as HTML (the timeline shows a bar's title as HTML). Five values a bar, instead of the
 * timeline model's script of an object per bar with its dates, id and group: for thousands of bars
 * that script was most of the page, and its rendering most of the server's time for it.
 */
final class CompactBars {

    static final String NONE = "{\"from\":null,\"kinds\":[],\"rows\":[],\"bars\":[]}";

    private CompactBars() {
    }

    static String json(List<CalendarEvent> events, LocalDateTime from) {
        long origin = from.toEpochSecond(ZoneOffset.UTC);
        StringWriter text = new StringWriter(64 + events.size() * 96);
        try (JsonGenerator json = Json.createGenerator(text)) {
            json.writeStartObject().write("from", from.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).writeStartArray("kinds");
            for (Legend kind : Legend.values()) {
                json.write(kind.cssClass());
            }
            json.writeEnd().writeStartArray("rows");
            Map<String, Integer> rows = new HashMap<>();
            for (CalendarEvent event : events) {
                if (rows.putIfAbsent(event.resourceId(), rows.size()) == null) {
                    json.write(event.resourceId());
                }
            }
            json.writeEnd().writeStartArray("bars");
            for (CalendarEvent event : events) {
                json.write(rows.get(event.resourceId()))
                        .write(LocalDateTime.parse(event.start()).toEpochSecond(ZoneOffset.UTC) - origin)
                        .write(LocalDateTime.parse(event.end()).toEpochSecond(ZoneOffset.UTC) - origin)
                        .write(Legend.ofColor(event.color()).ordinal())
                        .write(html(event.tooltip()));
            }
            json.writeEnd().writeEnd();
        }
        return text.toString();
    }

    /** vis-timeline shows the title as HTML: the tooltip's {@code <missing event>} must stay text. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
