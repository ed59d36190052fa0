package net.presence.sessions.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import net.presence.platform.CsvFile;
import net.presence.platform.JsonBody;
import net.presence.platform.JsonOutput;
import net.presence.platform.Representation;
import net.presence.platform.Settings;
import net.presence.platform.Values;
import net.presence.problems.ApiProblem;
import net.presence.values.DisplayFormat;
import net.presence.values.MacAddress;
import net.presence.sessions.control.NewSession;
import net.presence.values.Period;
import net.presence.values.TimeInput;
import net.presence.sessions.entity.Session;

/** Creating, deleting and listing sessions over HTTP: parse, call the facade once, shape the answer. */
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
@Path("")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    /** Literal routes that take no GET: there a GET is a wrong method, not a device's MAC. */
    private static final Map<String, String> WRITE_ROUTES = Map.of(
            "create", "POST", "delete", "DELETE", "events", "POST", "scan", "POST", "import", "POST");

    @Inject
    Sessions sessions;

    @Inject
    Settings settings;

    @POST
    @Path("create")
    @Operation(summary = "Create a session", description = "Times without an offset are wall times in the display zone; without end_time the session is open."
            + " Refused with 409 when it overlaps a session of the same device, or is a second open one. Admin token.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "NewSession")))
    @APIResponse(responseCode = "200", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(ref = "Created")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableEntity")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response create(InputStream in) {
        ZoneId zone = settings.zone();
        Instant now = Instant.now();
        NewSession wanted = NewSessionReader.read(JsonBody.read(in), zone, now);
        MacAddress mac = wanted.mac();
        Session created = sessions.create(wanted);
        DisplayFormat format = new DisplayFormat(zone);
        return JsonOutput.ok(json -> {
            json.write("message", "Session created for MAC " + mac);
            json.writeKey("session");
            SessionRows.write(json, created, format, now);
        });
    }

    /**
     * Takes any media type, so that a DELETE with no body and no Content-Type (the {@code ?mac=} form)
     * reaches it on every server: RESTEasy (WildFly) would refuse it against the class's JSON, Jersey
     * (Payara) would not. A body still has to be JSON, checked here.
     */
    @DELETE
    @Path("delete")
    @Operation(summary = "Delete every session and event of a device", description = "The MAC in a JSON body, or as ?mac= when there is no body."
            + " An unknown device is not an error (deleted 0). Admin token.")
    @RequestBody(required = false, content = @Content(mediaType = "application/json", schema = @Schema(ref = "DeviceBody")))
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "Deleted")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableEntity")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    @Consumes(MediaType.WILDCARD)
    public Response delete(@Parameter(description = "the device, when there is no body", example = "AA:BB:CC:DD:EE:FF") @QueryParam("mac") String macParameter, @Context HttpHeaders headers, InputStream in)
            throws IOException {
        byte[] bytes = in.readAllBytes();
        MacAddress mac;
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            mac = Values.required("mac", macParameter, MacAddress::parse);
        } else {
            MediaType type = headers.getMediaType();
            if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                throw new NotSupportedException();
            }
            JsonBody body = JsonBody.read(new ByteArrayInputStream(bytes));
            mac = body.required("mac", MacAddress::parse);
            body.validate();
        }
        int deleted = sessions.delete(mac);
        return JsonOutput.answer(Deletion.of(mac, deleted));
    }

    @GET
    @Path("list")
    @Produces({MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @Operation(summary = "List sessions", description = "A session matches when it overlaps the days from start_date to end_date (both included);"
            + " an open session reaches to now. Newest first; limit and offset page, total counts every match."
            + " CSV with format=csv or Accept: text/csv: the same rows and page, the field names as header row, timezone and total as"
            + " the headers X-Timezone and X-Total.")
    @APIResponse(responseCode = "200", description = "The matching sessions", content = {
            @Content(mediaType = "application/json", schema = @Schema(ref = "SessionList")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "RFC 4180, header row of the JSON field names"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response list(@Parameter(description = "one device, in any MAC spelling", example = "AA:BB:CC:DD:EE:FF") @QueryParam("mac") String mac,
            @Parameter(description = "first day, YYYY-MM-DD, or an exact date-time", example = "2025-08-01") @QueryParam("start_date") String startDate,
            @Parameter(description = "last day, included, or an exact date-time", example = "2025-08-21") @QueryParam("end_date") String endDate,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000")) @QueryParam("limit") String limit,
            @Parameter(description = "rows to skip", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("offset") String offset,
            @Parameter(description = "IANA zone id for the answer's times; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz,
            @Parameter(description = "json or csv, any case; without it Accept decides", schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        Representation representation = Representation.of(format, headers);
        ZoneId zone = settings.zone(tz);
        Instant from = Values.optional("start_date", startDate, text -> TimeInput.windowStart(text, zone));
        Instant until = Values.optional("end_date", endDate, text -> TimeInput.windowEnd(text, zone));
        if (from != null && until != null && !from.isBefore(until)) {
            throw ApiProblem.badRequest("Parameter 'start_date' (" + startDate + ") is after 'end_date' (" + endDate
                    + "): give a start on or before the end");
        }
        SessionQuery query = new SessionQuery(
                Values.optional("mac", mac, MacAddress::parse), from, until, false,
                Values.number("limit", limit, SessionQuery.DEFAULT_LIMIT, 1, SessionQuery.MAX_LIMIT),
                Values.number("offset", offset, 0, 0, Integer.MAX_VALUE));
        Page<Session> page = sessions.list(query);
        return rows(representation, zone, page.total(), page.items());
    }

    /**
     * One device's sessions overlapping the period up to now, newest first. The template leaves out
     * the literal GET routes of the other resources at /sessions: JAX-RS says a literal wins, and
     * Jersey (Payara) does so, but RESTEasy (WildFly) compares the classes' methods differently.
     */
    @GET
    @Operation(summary = "One device's sessions", description = "The sessions of one device that overlap the period up to now, newest first; an unknown device has none.")
    @APIResponse(responseCode = "200", description = "The device's sessions", content = @Content(mediaType = "application/json", schema = @Schema(ref = "DeviceSessions")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    @Path("{mac: (?!(totals|session-events|version|stream|devices|occupancy)$)[^/]+}")
    public Response device(@Parameter(description = "the device, in any MAC spelling", example = "AA:BB:CC:DD:EE:FF") @PathParam("mac") String mac,
            @Parameter(description = "<N> <unit>, unit minute, hour, day, week, month or year (plural allowed, any case)", example = "7 days", schema = @Schema(type = SchemaType.STRING, defaultValue = "1 day")) @QueryParam("period") String period,
            @Parameter(description = "IANA zone id for the answer's times; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz) {
        String method = WRITE_ROUTES.get(mac);
        if (method != null) {
            throw new NotAllowedException(method);
        }
        ZoneId zone = settings.zone(tz);
        MacAddress device = Values.parse("mac", mac, MacAddress::parse);
        Period window = Values.defaulted("period", period, "1 day", Period::parse);
        Instant now = Instant.now();
        Page<Session> page = sessions.list(SessionQuery.all(device, window.start(now, zone), null));
        return rows(Representation.JSON, zone, null, page.items());
    }

    private Response rows(Representation representation, ZoneId zone, Long total, Iterable<Session> rows) {
        Instant now = Instant.now();
        DisplayFormat format = new DisplayFormat(zone);
        CsvFile csv = CsvFile.of("list", SessionRows.COLUMNS).field("timezone", zone.getId()).field("total", total);
        return JsonOutput.ok(representation, csv, json -> {
            json.write("timezone", zone.getId());
            if (total != null) {
                json.write("total", total);
            }
            json.writeStartArray("sessions");
            rows.forEach(row -> SessionRows.write(json, row, format, now));
            json.writeEnd();
        });
    }
}
