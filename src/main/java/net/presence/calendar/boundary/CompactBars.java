package net.presence.calendar.boundary;

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
        Legend[] legend = Legend.values();
        StringBuilder json = new StringBuilder(64 + events.size() * 96);
        json.append("{\"from\":\"").append(from.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append("\",\"kinds\":[");
        for (int i = 0; i < legend.length; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(legend[i].cssClass()).append('"');
        }
        json.append("],\"rows\":[");
        Map<String, Integer> rows = new HashMap<>();
        for (CalendarEvent event : events) {
            if (rows.putIfAbsent(event.resourceId(), rows.size()) == null) {
                string(json.append(rows.size() == 1 ? "" : ","), event.resourceId());
            }
        }
        json.append("],\"bars\":[");
        boolean first = true;
        for (CalendarEvent event : events) {
            json.append(first ? "" : ",").append(rows.get(event.resourceId())).append(',')
                    .append(LocalDateTime.parse(event.start()).toEpochSecond(ZoneOffset.UTC) - origin).append(',')
                    .append(LocalDateTime.parse(event.end()).toEpochSecond(ZoneOffset.UTC) - origin).append(',')
                    .append(Legend.ofColor(event.color()).ordinal()).append(',');
            string(json, html(event.tooltip()));
            first = false;
        }
        return json.append("]}").toString();
    }

    /** vis-timeline shows the title as HTML: the tooltip's {@code <missing event>} must stay text. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
