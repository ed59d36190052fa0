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
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.ZoneId;
import net.presence.platform.CsvFile;
import net.presence.platform.JsonBody;
import net.presence.platform.JsonOutput;
import net.presence.platform.Representation;
import net.presence.platform.Settings;
import net.presence.platform.Values;
import net.presence.values.DeviceName;
import net.presence.values.DisplayFormat;
import net.presence.values.MacAddress;

/** Known devices and their names over HTTP: {@code GET /sessions/devices}, {@code PUT /sessions/devices/{mac}}. */
@Tag(name = "Devices")
@SecurityRequirement(name = "bearer")
@Path("devices")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

    @Inject
    Devices devices;

    @Inject
    Settings settings;

    @GET
    @Operation(summary = "Known devices", description = "Every device that had a session or an event, or was given a name: name, first and last event,"
            + " connected now, session count. q matches a part of the name or the MAC, any case. Newest last event first; limit and offset page like the list."
            + " CSV with format=csv or Accept: text/csv, the timezone and total as the headers X-Timezone and X-Total.")
    @Produces({MediaType.APPLICATION_JSON, Representation.CSV_TYPE})
    @APIResponse(responseCode = "200", description = "The devices", content = {
            @Content(mediaType = "application/json", schema = @Schema(ref = "DeviceList")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "RFC 4180, header row of the JSON field names"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response list(@Parameter(description = "a part of the name or the MAC, any case", example = "ipad") @QueryParam("q") String q,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000")) @QueryParam("limit") String limit,
            @Parameter(description = "rows to skip", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("offset") String offset,
            @Parameter(description = "IANA zone id for the answer's times; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz,
            @Parameter(description = "json or csv, any case; without it Accept decides", schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        Representation representation = Representation.of(format, headers);
        ZoneId zone = settings.zone(tz);
        Page<DeviceRow> page = devices.list(q == null || q.isEmpty() ? null : q,
                Values.number("limit", limit, SessionQuery.DEFAULT_LIMIT, 1, SessionQuery.MAX_LIMIT),
                Values.number("offset", offset, 0, 0, Integer.MAX_VALUE));
        DisplayFormat display = new DisplayFormat(zone);
        CsvFile csv = CsvFile.of("devices", DeviceRow.COLUMNS).field("timezone", zone.getId()).field("total", page.total());
        return JsonOutput.ok(representation, csv, json -> {
            json.write("timezone", zone.getId());
            json.write("total", page.total());
            json.writeStartArray("devices");
            page.items().forEach(row -> row.write(json, display));
            json.writeEnd();
        });
    }

    @PUT
    @Path("{mac}")
    @Operation(summary = "Name a device by hand", description = "{\"name\": \"Kitchen iPad\"}: 1 to 64 characters after trimming; null clears the name."
            + " A name given by hand wins over the names scanners report with observations and scans. Admin token.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "DeviceName")))
    @APIResponse(responseCode = "200", description = "The device as the list shows it", content = @Content(mediaType = "application/json", schema = @Schema(ref = "NamedDevice")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableEntity")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response name(@Parameter(description = "the device, in any MAC spelling", example = "AA:BB:CC:DD:EE:FF") @PathParam("mac") String mac,
            InputStream in) {
        MacAddress device = Values.parse("mac", mac, MacAddress::parse);
        JsonBody body = JsonBody.read(in);
        if (!body.has("name")) {
            body.problem("name", "Field 'name' is required: the device's name, or null to clear it");
        }
        String name = body.optional("name", DeviceName::parse);
        body.validate();
        DeviceRow row = devices.name(device, name);
        ZoneId zone = settings.zone();
        DisplayFormat format = new DisplayFormat(zone);
        return JsonOutput.ok(json -> {
            json.write("timezone", zone.getId());
            json.writeKey("device");
            row.write(json, format);
        });
    }
}
