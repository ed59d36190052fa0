package net.presence.sessions.boundary;

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
@Path("import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    Imports imports;

    @Inject
    Settings settings;

    @Inject
    Database database;

    @POST
    @BodyLimit(BodyLimit.NONE)
    @Consumes({"application/x-ndjson", "application/jsonl", "application/json"})
    public Response upload(InputStream in) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        long imported = imports.importLines(lines, settings.zone());
        database.checkpoint();
        return JsonOutput.answer(Imported.of(imported));
    }
}
