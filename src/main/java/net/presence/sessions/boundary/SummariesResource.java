package net.presence.sessions.boundary;

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
import net.presence.platform.JsonOutput;
import net.presence.platform.Settings;
import net.presence.platform.Values;
import net.presence.values.DisplayFormat;
import net.presence.values.Period;
import net.presence.sessions.control.Summary;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.Session;

/** What happened in a period: {@code /sessions/session-events} and {@code /sessions/totals}. */
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
    public Response events(@QueryParam("type") String type, @QueryParam("period") String period,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @QueryParam("tz") String tz) {
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
            return answer(kind, window, zone, page.total(), json -> page.items()
                    .forEach(session -> SessionRows.write(json, session, format, now)));
        }
        Page<Event> page = summaries.events(kind, from, now, pageSize, skip);
        return answer(kind, window, zone, page.total(), json -> page.items()
                .forEach(event -> EventRows.write(json, event, format)));
    }

    @GET
    @Path("totals")
    public Response totals(@QueryParam("period") String period, @QueryParam("tz") String tz) {
        ZoneId zone = settings.zone(tz);
        Period window = Values.defaulted("period", period, "7 days", Period::parse);
        Instant now = Instant.now();
        Map<Summary, Long> totals = summaries.totals(window.start(now, zone), now);
        return JsonOutput.answer(Totals.of(window.canonical(), zone.getId(), totals));
    }

    private static Response answer(Summary kind, Period window, ZoneId zone, long total,
            java.util.function.Consumer<jakarta.json.stream.JsonGenerator> rows) {
        return JsonOutput.ok(json -> {
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
