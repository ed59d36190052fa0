package net.presence.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import javax.sql.DataSource;
import net.presence.platform.JsonOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /sessions/version}: which build runs, on which database at which schema version. */
@Path("version")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@SecurityRequirement(name = "bearer")
public class VersionResource {

    static final BuildInfo BUILD = BuildInfo.load();

    @Resource(lookup = "java:app/jdbc/sessions")
    DataSource dataSource;

    @GET
    @Operation(summary = "The build and the database", description = "Version, git commit and build time of the running WAR;"
            + " the database's kind and the last schema changeset applied. Read token.")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(mediaType = "application/json", schema = @Schema(ref = "Version")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response version() {
        SchemaVersion schema = SchemaVersion.of(dataSource);
        return JsonOutput.ok(json -> {
            json.write("version", BUILD.version());
            json.write("commit", BUILD.commit());
            json.write("build_time", BUILD.buildTime());
            json.writeStartObject("database");
            json.write("kind", schema.kind());
            json.write("schema_version", schema.version());
            json.writeEnd();
        });
    }
}
