package net.presence.sessions.boundary;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import net.presence.platform.CsvFile;
import net.presence.platform.JsonOutput;
import net.presence.platform.Representation;
import net.presence.platform.Settings;
import net.presence.platform.Values;
import net.presence.values.DisplayFormat;
import net.presence.values.Period;
import net.presence.sessions.control.Summary;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.Session;

/** What happened in a period: {@code /sessions/session-events} and {@code /sessions/totals}. */
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SummariesResource {

    @Inject
    Summaries summaries;

    @Inject
    Settings settings;

    @GET
    @Path("session-events")
    @Operation(summary = "Events or sessions of a period", description = "type all: every event; new: New Device events; down: Device Down events;"
            + " voided: flaps; sessions: sessions overlapping the period; missing: those of them missing an end. Newest first, paged."
            + " CSV with format=csv or Accept: text/csv: the same rows and page, the field names as header row, type, period,"
            + " timezone and total as the headers X-Type, X-Period, X-Timezone and X-Total.")
    @Produces({MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @APIResponse(responseCode = "200", description = "The rows", content = {
            @Content(mediaType = "application/json", schema = @Schema(ref = "SessionEvents")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "RFC 4180, header row of the JSON field names"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response events(@Parameter(description = "which rows, any case", schema = @Schema(type = SchemaType.STRING, enumeration = {"all", "sessions", "missing", "voided", "new", "down"}, defaultValue = "all")) @QueryParam("type") String type,
            @Parameter(description = "<N> <unit>, unit minute, hour, day, week, month or year (plural allowed, any case)", example = "7 days", schema = @Schema(type = SchemaType.STRING, defaultValue = "7 days")) @QueryParam("period") String period,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000")) @QueryParam("limit") String limit,
            @Parameter(description = "rows to skip", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("offset") String offset,
            @Parameter(description = "IANA zone id for the answer's times; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz,
            @Parameter(description = "json or csv, any case; without it Accept decides", schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String answerFormat,
            @Context HttpHeaders headers) {
        Representation representation = Representation.of(answerFormat, headers);
        ZoneId zone = settings.zone(tz);
        Summary kind = Values.defaulted("type", type, "all", Summary::parse);
        Period window = Values.defaulted("period", period, "7 days", Period::parse);
        int pageSize = Values.number("limit", limit, SessionQuery.DEFAULT_LIMIT, 1, SessionQuery.MAX_LIMIT);
        int skip = Values.number("offset", offset, 0, 0, Integer.MAX_VALUE);
        Instant now = Instant.now();
        Instant from = window.start(now, zone);
        DisplayFormat format = new DisplayFormat(zone);
        if (kind.listsSessions()) {
            Page<Session> page = summaries.sessions(kind, from, now, pageSize, skip);
            return answer(representation, SessionRows.COLUMNS, kind, window, zone, page.total(), json -> page.items()
                    .forEach(session -> SessionRows.write(json, session, format, now)));
        }
        Page<Event> page = summaries.events(kind, from, now, pageSize, skip);
        return answer(representation, EventRows.COLUMNS, kind, window, zone, page.total(), json -> page.items()
                .forEach(event -> EventRows.write(json, event, format)));
    }

    @GET
    @Path("totals")
    @Operation(summary = "How many rows each session-events type has in a period")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(mediaType = "application/json", schema = @Schema(ref = "Totals")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response totals(@Parameter(description = "<N> <unit>, unit minute, hour, day, week, month or year (plural allowed, any case)", example = "7 days", schema = @Schema(type = SchemaType.STRING, defaultValue = "7 days")) @QueryParam("period") String period,
            @Parameter(description = "IANA zone id for the answer's times; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz) {
        ZoneId zone = settings.zone(tz);
        Period window = Values.defaulted("period", period, "7 days", Period::parse);
        Instant now = Instant.now();
        Map<Summary, Long> totals = summaries.totals(window.start(now, zone), now);
        return JsonOutput.answer(Totals.of(window.canonical(), zone.getId(), totals));
    }

    private static Response answer(Representation representation, java.util.List<String> columns, Summary kind, Period window,
            ZoneId zone, long total, java.util.function.Consumer<jakarta.json.stream.JsonGenerator> rows) {
        CsvFile csv = CsvFile.of("session-events", columns).field("type", kind.id()).field("period", window.canonical())
                .field("timezone", zone.getId()).field("total", total);
        return JsonOutput.ok(representation, csv, json -> {
            json.write("type", kind.id())
                    .write("period", window.canonical())
                    .write("timezone", zone.getId())
                    .write("total", total);
            json.writeStartArray("data");
            rows.accept(json);
            json.writeEnd();
        });
    }
}
