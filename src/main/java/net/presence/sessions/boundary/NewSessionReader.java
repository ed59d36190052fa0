package net.presence.sessions.boundary;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import net.presence.platform.JsonBody;
import net.presence.sessions.control.NewSession;
import net.presence.sessions.control.SessionRules;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.values.TimeInput;

/** The fields of POST /sessions/create, also one line of an import: a new session, or a 422. */
final class NewSessionReader {

    private NewSessionReader() {
    }

    static NewSession read(JsonBody body, ZoneId zone, Instant now) {
        MacAddress mac = body.required("mac", MacAddress::parse);
        IpAddress ip = body.required("ip", IpAddress::parse);
        Instant start = body.required("start_time", text -> TimeInput.dateTime(text, zone));
        Instant end = body.optional("end_time", text -> TimeInput.dateTime(text, zone));
        String connectionType = body.optional("event_type_conn", SessionRules::eventType);
        String disconnectionType = body.optional("event_type_disc", SessionRules::eventType);
        String info = body.optional("info", SessionRules::info);
        body.validate();
        NewSession wanted = new NewSession(mac, ip, start, end,
                connectionType == null ? EventType.CONNECTED : EventType.of(connectionType),
                end == null ? null : disconnectionType == null ? EventType.DISCONNECTED : EventType.of(disconnectionType),
                Objects.requireNonNullElse(info, ""));
        wanted.problems(now).forEach(body::problem);
        body.validate();
        return wanted;
    }
}
