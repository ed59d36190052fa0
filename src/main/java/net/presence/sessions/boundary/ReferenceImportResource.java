package net.presence.sessions.boundary;

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
@Path("import/netalertx")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceImportResource {

    @Inject
    ReferenceImports imports;

    @Inject
    Database database;

    @POST
    @BodyLimit(ReferenceImports.MAX_BYTES)
    @Consumes({"application/vnd.sqlite3", "application/x-sqlite3", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@QueryParam("tz") String tz, @QueryParam("mode") String mode, InputStream in) {
        ZoneId zone = Values.required("tz", tz, Zones::parse);
        ReferenceImports.Mode chosen = Values.defaulted("mode", mode, "strict", ReferenceImports.Mode::parse);
        MovedIn answer = imports.importDatabase(in, zone, chosen);
        database.checkpoint();
        return JsonOutput.answer(answer);
    }
}
