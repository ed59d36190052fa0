package net.presence.sessions.boundary;

import jakarta.json.stream.JsonGenerator;
import java.util.List;
import net.presence.values.DisplayFormat;
import net.presence.sessions.entity.Event;

/** An event as the API shows it (docs/API.md §9). */
public final class EventRows {

    /** The fields of a row, in order: the columns of its CSV. */
    public static final List<String> COLUMNS = List.of("eve_MAC", "eve_IP", "eve_EventType", "eve_Time", "eve_DateTime",
            "eve_AdditionalInfo");

    private EventRows() {
    }

    public static void write(JsonGenerator json, Event event, DisplayFormat format) {
        json.writeStartObject()
                .write("eve_MAC", event.mac().toString())
                .write("eve_IP", event.ip().toString())
                .write("eve_EventType", event.shownType())
                .write("eve_Time", format.display(event.at()))
                .write("eve_DateTime", format.iso(event.at()))
                .write("eve_AdditionalInfo", event.info())
                .writeEnd();
    }
}
