package net.presence.presence.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import net.presence.values.DeviceName;
import net.presence.values.DisplayFormat;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.sessions.control.SessionRules;
import net.presence.values.TimeInput;

/** A scanner's reports over HTTP (docs/API.md §11): one observation, or one whole scan. */
@Tag(name = "Presence engine")
@SecurityRequirement(name = "bearer")
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
    @Operation(summary = "Report one observation of a device", description = "The service opens, closes or keeps the device's session;"
            + " an optional name names the device unless a name was given by hand; an observation older than the device's latest event is a 409. Admin token.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Observation")))
    @APIResponse(responseCode = "200", description = "What the observation did", content = @Content(mediaType = "application/json", schema = @Schema(ref = "Observed")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableEntity")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response event(InputStream in) {
        JsonBody body = JsonBody.read(in);
        ZoneId zone = settings.zone();
        MacAddress mac = body.required("mac", MacAddress::parse);
        IpAddress ip = body.required("ip", IpAddress::parse);
        ObservationType type = body.required("event_type", ObservationType::parse);
        Instant time = body.optional("time", text -> TimeInput.dateTime(text, zone));
        String info = body.optional("info", SessionRules::info);
        String name = body.optional("name", DeviceName::observed);
        Instant now = Instant.now();
        if (time != null && SessionRules.isInFuture(time, now)) {
            body.problem("time", "Field 'time' is more than 5 minutes in the future");
        }
        body.validate();
        Outcome outcome = observations.observe(new Observation(mac, ip, type, time == null ? now : time, info), name);
        PresenceMeters.observed(outcome.effect());
        DisplayFormat format = new DisplayFormat(zone);
        return JsonOutput.ok(json -> {
            json.write("effect", outcome.effect().json());
            json.writeKey("session");
            SessionRows.write(json, outcome.session(), format, now);
        });
    }

    @POST
    @Path("scan")
    @Operation(summary = "Report one whole scan", description = "Listed devices are observed connected; devices with an open session that are not listed are"
            + " observed disconnected; an entry's optional name names the device unless a name was given by hand; one transaction, up to 100,000 devices and 16 MiB. A MAC listed twice is a 422. Admin token.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Scan")))
    @APIResponse(responseCode = "200", description = "The effects, counted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "ScanCounts")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "UnprocessableEntity")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    @BodyLimit(16 * 1024 * 1024)
    public Response scan(InputStream in) {
        long started = System.nanoTime();
        Scan scan = ScanBody.read(in, settings.zone(), Instant.now());
        ScanCounts counts = observations.scan(scan);
        PresenceMeters.SCANS.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        PresenceMeters.scanned(counts);
        return JsonOutput.answer(ScanSummary.of(counts));
    }
}
