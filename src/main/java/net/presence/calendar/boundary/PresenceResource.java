package net.presence.calendar.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import net.presence.calendar.control.Uptime;
import net.presence.platform.JsonOutput;
import net.presence.platform.Settings;
import net.presence.platform.Values;
import net.presence.problems.ApiProblem;
import net.presence.values.DisplayFormat;
import net.presence.values.MacAddress;
import net.presence.values.Period;

/** {@code GET /sessions/{mac}/presence}: one device's uptime and habits over a window up to now. */
@Tag(name = "Presence")
@SecurityRequirement(name = "bearer")
@Path("")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    static final String DEFAULT_PERIOD = "7 days";

    @Inject
    Presence presence;

    @Inject
    Settings settings;

    @GET
    @Path("{mac}/presence")
    @Operation(summary = "One device's uptime and habits", description = "Over the period up to now, or the days (or date-times) from start to end,"
            + " clipped to now: connected time, uptime, sessions, longest session and absence, first and last seen, and a heatmap of the"
            + " display zone's weekday-hours (Monday first). Counts the calendar's bars: an open session until now, a missing end with the"
            + " calendar's stand-in. An unknown device has zeros and nulls.")
    @APIResponse(responseCode = "200", description = "The device's presence", content = @Content(mediaType = "application/json", schema = @Schema(ref = "Presence")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response presence(@Parameter(description = "the device, in any MAC spelling", example = "AA:BB:CC:DD:EE:FF") @PathParam("mac") String mac,
            @Parameter(description = "<N> <unit> up to now; not with start and end", example = "30 days", schema = @Schema(type = SchemaType.STRING, defaultValue = DEFAULT_PERIOD)) @QueryParam("period") String period,
            @Parameter(description = "first day, YYYY-MM-DD, or an exact date-time; with end, instead of period", example = "2026-03-23") @QueryParam("start") String start,
            @Parameter(description = "last day, included, or an exact date-time", example = "2026-03-29") @QueryParam("end") String end,
            @Parameter(description = "IANA zone id for the answer's times and the heatmap's hours; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz) {
        MacAddress device = Values.parse("mac", mac, MacAddress::parse);
        ZoneId zone = settings.zone(tz);
        Instant now = Instant.now();
        boolean byDates = notEmpty(start) || notEmpty(end);
        Period look = null;
        Instant from;
        Instant until;
        if (byDates) {
            if (notEmpty(period)) {
                throw ApiProblem.badRequest("Give either 'period' or 'start' and 'end', not both");
            }
            CalendarWindow window = CalendarWindow.of(start, end, null, tz, settings.zone());
            from = window.from();
            until = window.until().isAfter(now) ? now : window.until();
        } else {
            look = Values.defaulted("period", period, DEFAULT_PERIOD, Period::parse);
            from = look.start(now, zone);
            until = now;
        }
        if (from.isAfter(until)) {
            from = until; // a window wholly in the future is empty
        }
        Presence.Report report = presence.presence(device, from, until, zone, now);
        Uptime uptime = report.uptime();
        DisplayFormat format = new DisplayFormat(zone);
        String periodText = look == null ? null : look.canonical();
        Instant windowStart = from;
        Instant windowEnd = until;
        return JsonOutput.ok(json -> {
            json.write("mac", device.toString());
            json.write("timezone", zone.getId());
            JsonOutput.nullable(json, "period", periodText);
            json.write("start", format.iso(windowStart));
            json.write("end", format.iso(windowEnd));
            json.write("connected_seconds", uptime.connectedMillis() / 1000);
            json.write("window_seconds", uptime.windowMillis() / 1000);
            json.write("uptime_percent", uptime.percent());
            json.write("sessions", uptime.sessions());
            json.write("longest_session_seconds", uptime.longestSessionMillis() / 1000);
            json.write("longest_absence_seconds", uptime.longestAbsenceMillis() / 1000);
            JsonOutput.nullable(json, "first_seen", format.iso(uptime.firstSeen()));
            JsonOutput.nullable(json, "last_seen", format.iso(uptime.lastSeen()));
            json.write("connected_now", report.connectedNow());
            json.writeStartArray("heatmap");
            for (BigDecimal[] day : uptime.heatmap()) {
                json.writeStartArray();
                for (BigDecimal cell : day) {
                    json.write(cell);
                }
                json.writeEnd();
            }
            json.writeEnd();
        });
    }

    private static boolean notEmpty(String text) {
        return text != null && !text.isEmpty();
    }
}
