package net.presence.sessions.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.ZoneId;
import net.presence.platform.Settings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /sessions/stream}: the live changes as Server-Sent Events (LiveFeed). A read token, or
 * the page's login cookie (the browser's EventSource cannot send a header; see TokenMechanism).
 */
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
@Path("")
@RequestScoped
public class StreamResource {

    @Inject
    LiveFeed feed;

    @Inject
    Settings settings;

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live changes (Server-Sent Events)", description = "First a 'ready' event ({success, timezone, resumed})."
            + " Then one 'session' event (data: the session row as the list shows it) whenever a session opens, closes,"
            + " is voided back open or goes missing; 'deleted' ({ses_MAC, deleted}) when a device's sessions are deleted;"
            + " 'reload' ({reason, changes}) when the client should read everything again: an import, more than 1000 changes"
            + " in one write, or a Last-Event-ID this server no longer holds. Event ids increase; a comment every 15 s."
            + " Last-Event-ID resumes within the last 5 minutes or 10,000 events. Read token, or the page's login.")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(ref = "Session")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public void stream(@Parameter(description = "IANA zone id for the events' times; default the server's display zone", example = "Europe/Berlin") @QueryParam("tz") String tz,
            @Parameter(description = "the id of the last event the client received: the events after it are sent first") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context HttpServletResponse response, @Context SseEventSink sink, @Context Sse sse) {
        ZoneId zone = settings.zone(tz);
        // a proxy in front (nginx) must pass each event on at once, not buffer the stream
        response.setHeader("X-Accel-Buffering", "no");
        feed.subscribe(sink, sse, zone, lastId(lastEventId));
    }

    /** The client's last event id; one that is no id of ours resumes nothing, and the client is told to reload. */
    static Long lastId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
