package net.presence.calendar.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import net.presence.calendar.control.CalendarEvent;
import net.presence.platform.JsonOutput;
import net.presence.platform.Settings;

/** {@code GET /sessions/calendar} (API.md §8): the calendar's bars as JSON. */
@Path("calendar")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Inject
    Calendar calendar;

    @Inject
    Settings settings;

    @GET
    public Response events(@QueryParam("start") String start, @QueryParam("end") String end,
            @QueryParam("mac") String mac, @QueryParam("tz") String tz) {
        CalendarWindow window = CalendarWindow.of(start, end, mac, tz, settings.zone());
        List<CalendarEvent> events = calendar.events(window);
        return JsonOutput.ok(json -> {
            json.write("timezone", window.zone().getId());
            json.writeStartArray("sessions");
            events.forEach(event -> write(json, event));
            json.writeEnd();
        });
    }

    private static void write(JsonGenerator json, CalendarEvent event) {
        json.writeStartObject()
                .write("resourceId", event.resourceId())
                .write("title", event.title())
                .write("className", event.className())
                .write("color", event.color())
                .write("start", event.start())
                .write("end", event.end())
                .write("tooltip", event.tooltip())
                .writeEnd();
    }
}
