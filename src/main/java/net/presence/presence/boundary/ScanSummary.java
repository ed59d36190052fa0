package net.presence.presence.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import net.presence.presence.control.Effect;
import net.presence.presence.control.ScanCounts;

/** The answer to {@code POST /sessions/scan}: what the scan did, counted by effect. */
@JsonbPropertyOrder({"success", "opened", "closed", "newDevices", "ipChanged", "repeated", "voided"})
public record ScanSummary(boolean success, int opened, int closed, @JsonbProperty("new") int newDevices,
        @JsonbProperty("ip_changed") int ipChanged, int repeated, int voided) {

    static ScanSummary of(ScanCounts counts) {
        return new ScanSummary(true, counts.of(Effect.OPENED), counts.of(Effect.CLOSED), counts.newDevices(),
                counts.of(Effect.IP_CHANGED), counts.of(Effect.REPEATED), counts.of(Effect.VOIDED));
    }
}
