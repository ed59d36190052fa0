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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import net.presence.calendar.control.Occupancy;
import net.presence.platform.CsvFile;
import net.presence.platform.JsonOutput;
import net.presence.platform.Representation;
import net.presence.platform.Settings;
import net.presence.platform.Values;
import net.presence.problems.ApiProblem;
import net.presence.values.DisplayFormat;
import net.presence.values.Step;

/** {@code GET /sessions/occupancy}: how many devices were on the network, step by step. */
@Tag(name = "Presence")
@SecurityRequirement(name = "bearer")
@Path("occupancy")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OccupancyResource {

    /** The most points one answer holds. */
    public static final int MAX_POINTS = 10_000;

    /** A point's fields: the header row of the CSV answer. */
    static final List<String> COLUMNS = List.of("time", "devices", "average");

    @Inject
    Presence presence;

    @Inject
    Settings settings;

    @GET
    @Operation(summary = "Network occupancy", description = "The days (or date-times) from start to end, clipped to now, cut into steps from 5 minutes"
            + " to 1 day: for each, the distinct devices connected at any moment of it, and the average number connected"
            + " (device-seconds / step seconds, two decimals). At most 10,000 points, counted over the window asked for."
            + " CSV with format=csv or Accept: text/csv, one row per point; timezone, start, end and step as X- headers.")
    @Produces({MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @APIResponse(responseCode = "200", description = "The series", content = {
            @Content(mediaType = "application/json", schema = @Schema(ref = "Occupancy")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "RFC 4180, header row time,devices,average"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response occupancy(@Parameter(required = true, description = "first day, YYYY-MM-DD, or an exact date-time", example = "2026-03-23") @QueryParam("start") String start,
            @Parameter(required = true, description = "last day, included, or an exact date-time", example = "2026-03-29") @QueryParam("end") String end,
            @Parameter(description = "<N> <unit>, unit minute, hour or day, from 5 minutes to 1 day", example = "1 hour", schema = @Schema(type = SchemaType.STRING, defaultValue = "1 hour")) @QueryParam("step") String step,
            @Parameter(description = "IANA zone id for the answer's times and the day steps; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz,
            @Parameter(description = "json or csv, any case; without it Accept decides", schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        Representation representation = Representation.of(format, headers);
        CalendarWindow window = CalendarWindow.of(start, end, null, tz, settings.zone());
        Step width = Values.defaulted("step", step, "1 hour", Step::parse);
        Instant now = Instant.now();
        try {
            // the limit holds for the window asked for, whatever the time of day
            width.bounds(window.from(), window.until(), window.zone(), MAX_POINTS);
        } catch (Step.TooManyPointsException e) {
            throw ApiProblem.badRequest("The window from 'start' (" + start + ") to 'end' (" + end + ") in steps of " + width.canonical()
                    + " has " + e.getMessage() + ": at most " + MAX_POINTS + " points per answer; take a longer step or a shorter window");
        }
        Instant until = window.until().isAfter(now) ? now : window.until();
        List<Instant> bounds = width.bounds(window.from(), until, window.zone(), MAX_POINTS);
        List<Occupancy.Point> series = presence.occupancy(bounds, now);
        DisplayFormat display = new DisplayFormat(window.zone());
        String first = display.iso(window.from());
        String last = display.iso(until.isBefore(window.from()) ? window.from() : until);
        CsvFile csv = CsvFile.of("occupancy", COLUMNS).field("timezone", window.zone().getId()).field("start", first)
                .field("end", last).field("step", width.canonical());
        return JsonOutput.ok(representation, csv, json -> {
            json.write("timezone", window.zone().getId());
            json.write("start", first);
            json.write("end", last);
            json.write("step", width.canonical());
            json.writeStartArray("series");
            for (Occupancy.Point point : series) {
                json.writeStartObject().write("time", display.iso(point.time())).write("devices", point.devices())
                        .write("average", point.average()).writeEnd();
            }
            json.writeEnd();
        });
    }
}
