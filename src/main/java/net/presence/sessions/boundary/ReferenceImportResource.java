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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.ZoneId;
import net.presence.platform.BodyLimit;
import net.presence.platform.Database;
import net.presence.platform.JsonOutput;
import net.presence.platform.Values;
import net.presence.values.Zones;

/**
 * {@code POST /sessions/import/netalertx?tz=&mode=}: the reference scanner's SQLite database as the
 * body. {@code tz} is required: the reference stored naive wall times, and only the client knows
 * the zone its scanner ran in.
 */
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
@Path("import/netalertx")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceImportResource {

    @Inject
    ReferenceImports imports;

    @Inject
    Database database;

    @POST
    @Operation(summary = "Move in from the reference scanner's SQLite database", description = "The database file as the body (at most 2 GiB);"
            + " strict mode refuses the whole import on one bad row, skip mode imports the rest and lists what it skipped. Admin token.")
    @RequestBody(required = true, content = @Content(mediaType = "application/vnd.sqlite3", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "What was imported, skipped and already present", content = @Content(mediaType = "application/json", schema = @Schema(ref = "MovedIn")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableEntity")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    @BodyLimit(ReferenceImports.MAX_BYTES)
    @Consumes({"application/vnd.sqlite3", "application/x-sqlite3", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@Parameter(required = true, description = "the zone the reference's scanner ran in", example = "Europe/Berlin") @QueryParam("tz") String tz,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"strict", "skip"}, defaultValue = "strict")) @QueryParam("mode") String mode,
            InputStream in) {
        ZoneId zone = Values.required("tz", tz, Zones::parse);
        ReferenceImports.Mode chosen = Values.defaulted("mode", mode, "strict", ReferenceImports.Mode::parse);
        MovedIn answer = imports.importDatabase(in, zone, chosen);
        database.checkpoint();
        return JsonOutput.answer(answer);
    }
}
