package net.presence.sessions.boundary;

import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.util.List;
import net.presence.values.DisplayFormat;
import net.presence.sessions.entity.Session;

import static net.presence.platform.JsonOutput.nullable;

/**
 * A session as the API shows it: the seed's six fields, then six more. A connection or disconnection
 * that was never observed is stored as nothing and shown here, and only here, as {@code <missing event>}.
 */
public final class SessionRows {

    /** The fields of a row, in order: the columns of its CSV. */
    public static final List<String> COLUMNS = List.of("ses_MAC", "ses_Connection", "ses_Disconnection", "ses_Duration",
            "ses_IP", "ses_Info", "ses_DateTimeConnection", "ses_DateTimeDisconnection", "ses_EventTypeConnection",
            "ses_EventTypeDisconnection", "ses_StillConnected", "ses_DurationSeconds");

    private SessionRows() {
    }

    public static void write(JsonGenerator json, Session session, DisplayFormat format, Instant now) {
        Instant connection = session.connection();
        Instant disconnection = session.disconnection();
        Instant end = session.isOpen() ? now : disconnection;
        Long seconds = connection == null || end == null ? null : DisplayFormat.durationSeconds(connection, end);
        json.writeStartObject();
        json.write("ses_MAC", session.mac().toString());
        nullable(json, "ses_Connection", format.display(connection));
        nullable(json, "ses_Disconnection", format.display(disconnection));
        nullable(json, "ses_Duration", seconds == null ? null : DisplayFormat.duration(seconds));
        json.write("ses_IP", session.ip().toString());
        json.write("ses_Info", session.info());
        nullable(json, "ses_DateTimeConnection", format.iso(connection));
        nullable(json, "ses_DateTimeDisconnection", format.iso(disconnection));
        json.write("ses_EventTypeConnection", session.isMissingConnection() ? DisplayFormat.MISSING
                : session.connectionType().text());
        nullable(json, "ses_EventTypeDisconnection", session.isOpen() ? null
                : session.isMissingDisconnection() ? DisplayFormat.MISSING : session.disconnectionType().text());
        json.write("ses_StillConnected", session.isOpen());
        if (seconds == null) {
            json.writeNull("ses_DurationSeconds");
        } else {
            json.write("ses_DurationSeconds", seconds);
        }
        json.writeEnd();
    }
}
