package net.presence.presence.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import net.presence.platform.BodyLimit;
import net.presence.platform.JsonBody;
import net.presence.platform.JsonOutput;
import net.presence.platform.Settings;
import net.presence.presence.control.Observation;
import net.presence.presence.control.ObservationType;
import net.presence.presence.control.Scan;
import net.presence.presence.control.ScanCounts;
import net.presence.sessions.boundary.SessionRows;
import net.presence.values.DisplayFormat;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.sessions.control.SessionRules;
import net.presence.values.TimeInput;

/** A scanner's reports over HTTP (API.md §11): one observation, or one whole scan. */
@Path("")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ObservationsResource {

    @Inject
    Observations observations;

    @Inject
    Settings settings;

    @POST
    @Path("events")
    public Response event(InputStream in) {
        JsonBody body = JsonBody.read(in);
        ZoneId zone = settings.zone();
        MacAddress mac = body.required("mac", MacAddress::parse);
        IpAddress ip = body.required("ip", IpAddress::parse);
        ObservationType type = body.required("event_type", ObservationType::parse);
        Instant time = body.optional("time", text -> TimeInput.dateTime(text, zone));
        String info = body.optional("info", SessionRules::info);
        Instant now = Instant.now();
        if (time != null && SessionRules.isInFuture(time, now)) {
            body.problem("time", "Field 'time' is more than 5 minutes in the future");
        }
        body.validate();
        Outcome outcome = observations.observe(new Observation(mac, ip, type, time == null ? now : time, info));
        DisplayFormat format = new DisplayFormat(zone);
        return JsonOutput.ok(json -> {
            json.write("effect", outcome.effect().json());
            json.writeKey("session");
            SessionRows.write(json, outcome.session(), format, now);
        });
    }

    @POST
    @Path("scan")
    @BodyLimit(16 * 1024 * 1024)
    public Response scan(InputStream in) {
        Scan scan = ScanBody.read(in, settings.zone(), Instant.now());
        ScanCounts counts = observations.scan(scan);
        return JsonOutput.answer(ScanSummary.of(counts));
    }
}
