package net.presence.sessions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.ZoneId;
import java.util.List;
import net.presence.problems.ApiProblem;

/**
 * The answer to {@code POST /sessions/import/netalertx}: what was imported, skipped and already
 * present, how many wall times the DST rules touched, how long it took, and the rows skipped.
 */
@JsonbPropertyOrder({"success", "mode", "timezone", "sessions", "events", "devices", "dst", "tookMillis", "skipped"})
public record MovedIn(boolean success, String mode, String timezone, Counts sessions, Counts events, Counts devices,
        Dst dst, @JsonbProperty("took_ms") long tookMillis, List<ApiProblem.Detail> skipped) {

    @JsonbPropertyOrder({"imported", "skipped", "alreadyPresent"})
    public record Counts(long imported, long skipped, @JsonbProperty("already_present") long alreadyPresent) {
    }

    /**
     * @param gap      wall times that fell in a DST gap and moved forward by it
     * @param repeated wall times in a repeated hour, taken at their first occurrence
     */
    @JsonbPropertyOrder({"gap", "repeated"})
    public record Dst(long gap, long repeated) {
    }

    static MovedIn of(ReferenceImports.Mode mode, ZoneId zone, Counts sessions, Counts events, Counts devices, Dst dst,
            long millis, List<ApiProblem.Detail> skipped) {
        return new MovedIn(true, mode.text(), zone.getId(), sessions, events, devices, dst, millis, List.copyOf(skipped));
    }
}
