package net.presence.calendar.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.presence.calendar.control.CalendarEvent;
import net.presence.platform.CsvFile;
import net.presence.platform.JsonOutput;
import net.presence.platform.Representation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import net.presence.platform.Settings;
import net.presence.sessions.boundary.Devices;

/** {@code GET /sessions/calendar} (docs/API.md §8): the calendar's bars as JSON. */
@Tag(name = "Calendar")
@SecurityRequirement(name = "bearer")
@Path("calendar")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    /** A bar's seven keys, the columns of its CSV. */
    static final List<String> COLUMNS = List.of("resourceId", "title", "className", "color", "start", "end", "tooltip");

    @Inject
    Calendar calendar;

    @Inject
    Devices devices;

    @Inject
    Settings settings;

    @GET
    @Operation(summary = "The calendar's bars", description = "Every session overlapping the days from start to end (both included, at most 400 days),"
            + " as the page draws them, ordered by device then start. CSV with format=csv or Accept: text/csv: one row per bar,"
            + " the seven keys as header row, the timezone as the header X-Timezone. In JSON, beside the bars, devices maps each of"
            + " their MACs to its name (null when it has none).")
    @Produces({MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @APIResponse(responseCode = "200", description = "The bars", content = {
            @Content(mediaType = "application/json", schema = @Schema(ref = "CalendarAnswer")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "RFC 4180, header row of the seven keys"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response events(@Parameter(required = true, description = "first day, YYYY-MM-DD, or an exact date-time", example = "2025-08-01") @QueryParam("start") String start,
            @Parameter(required = true, description = "last day, included, or an exact date-time", example = "2025-08-07") @QueryParam("end") String end,
            @Parameter(description = "one device, in any MAC spelling", example = "AA:BB:CC:DD:EE:FF") @QueryParam("mac") String mac,
            @Parameter(description = "IANA zone id for the answer's times; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz,
            @Parameter(description = "json or csv, any case; without it Accept decides", schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        Representation representation = Representation.of(format, headers);
        CalendarWindow window = CalendarWindow.of(start, end, mac, tz, settings.zone());
        CsvFile csv = CsvFile.of("calendar", COLUMNS).field("timezone", window.zone().getId());
        return JsonOutput.ok(representation, csv, json -> {
            json.write("timezone", window.zone().getId());
            json.writeStartArray("sessions");
            // each bar is written as it is made, within the facade's transaction: a week of every
            // device is tens of thousands of bars, more than a few concurrent answers can hold at once
            // bars come device after device in order of MAC, so each MAC is new or the last one seen
            List<String> macs = new ArrayList<>();
            calendar.events(window, event -> {
                if (macs.isEmpty() || !macs.get(macs.size() - 1).equals(event.resourceId())) {
                    macs.add(event.resourceId());
                }
                write(json, event);
            });
            json.writeEnd();
            Map<String, String> names = devices.names(macs);
            // every MAC the bars name, null for a device without a name: a page looks each one up the same way
            json.writeStartObject("devices");
            macs.forEach(device -> JsonOutput.nullable(json, device, names.get(device)));
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
