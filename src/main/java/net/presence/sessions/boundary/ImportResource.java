package net.presence.sessions.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import net.presence.platform.BodyLimit;
import net.presence.platform.Database;
import net.presence.platform.JsonOutput;
import net.presence.platform.Settings;

/** {@code POST /sessions/import}: sessions in bulk, one JSON object per line (NDJSON), all or nothing. */
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
@Path("import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final io.micrometer.core.instrument.Counter IMPORTED_LINES =
            net.presence.platform.Meters.counter("sessions_import_lines", "NDJSON lines imported (committed)");

    @Inject
    Imports imports;

    @Inject
    Settings settings;

    @Inject
    Database database;

    @POST
    @Operation(summary = "Import sessions in bulk", description = "NDJSON: one object per line with the fields of create. All or nothing: one bad line stores nothing"
            + " and the 422 lists the first 100 problems by line. Admin token.")
    @RequestBody(required = true, content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING,
            example = "{\"mac\": \"AA:BB:CC:DD:EE:01\", \"ip\": \"192.168.1.21\", \"start_time\": \"2025-08-01T08:00:00\", \"end_time\": \"2025-08-01T17:00:00\"}\n")))
    @APIResponse(responseCode = "200", description = "Imported", content = @Content(mediaType = "application/json", schema = @Schema(ref = "Imported")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableEntity")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    @BodyLimit(BodyLimit.NONE)
    @Consumes({"application/x-ndjson", "application/jsonl", "application/json"})
    public Response upload(InputStream in) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        long imported = imports.importLines(lines, settings.zone());
        IMPORTED_LINES.increment(imported);
        database.checkpoint();
        return JsonOutput.answer(Imported.of(imported));
    }
}
