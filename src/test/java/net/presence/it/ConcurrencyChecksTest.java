package net.presence.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.presence.it.ConcurrencyIT.Answer;
import net.presence.it.ConcurrencyIT.Group;
import net.presence.it.ConcurrencyIT.Planned;
import net.presence.it.ConcurrencyIT.Span;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The judge judged: ConcurrencyIT's checks, without a server, find what they are meant to find. */
class ConcurrencyChecksTest {

    static final String MAC = "02:00:C0:00:00:01";
    static final Instant T = Instant.parse("2017-01-02T10:00:00Z");

    static JsonObject row(Instant connection, Instant disconnection, boolean open, String ip) {
        JsonObjectBuilder row = Json.createObjectBuilder().add("ses_IP", ip).add("ses_StillConnected", open)
                .add("ses_EventTypeConnection", connection == null ? "<missing event>" : "Connected");
        row = connection == null ? row.addNull("ses_DateTimeConnection") : row.add("ses_DateTimeConnection", iso(connection));
        row = disconnection == null ? row.addNull("ses_DateTimeDisconnection") : row.add("ses_DateTimeDisconnection", iso(disconnection));
        return row.add("ses_EventTypeDisconnection", open ? "" : disconnection == null ? "<missing event>" : "Disconnected").build();
    }

    static String iso(Instant instant) {
        return instant.toString().replace("Z", "+00:00");
    }

    static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }

    static boolean overlap(JsonObject a, JsonObject b) {
        return Span.of(a).overlaps(Span.of(b)) && Span.of(b).overlaps(Span.of(a));
    }

    @Test
    void spansAreHalfOpenAndInstantsCollideOnlyInsideOrWhenEqual() {
        JsonObject morning = row(at(0), at(60), false, "10.0.0.1");
        assertFalse(overlap(morning, row(at(60), at(90), false, "10.0.0.1")), "touching");
        assertTrue(overlap(morning, row(at(59), at(90), false, "10.0.0.1")));
        assertFalse(overlap(morning, row(at(0), at(0), false, "10.0.0.1")), "an instant at the start");
        assertFalse(overlap(morning, row(at(60), at(60), false, "10.0.0.1")), "an instant at the end");
        assertTrue(overlap(morning, row(at(30), at(30), false, "10.0.0.1")), "an instant inside");
        assertTrue(overlap(row(at(30), at(30), false, "a"), row(at(30), at(30), false, "b")), "equal instants");
        assertFalse(overlap(row(at(30), at(30), false, "a"), row(at(31), at(31), false, "b")));
        assertTrue(overlap(morning, row(at(10), null, true, "10.0.0.1")), "open from inside");
        assertFalse(overlap(morning, row(at(60), null, true, "10.0.0.1")), "open from its end");
        assertTrue(overlap(row(at(0), null, true, "a"), row(at(500), at(600), false, "b")), "an open session reaches on");
        // missing ends are instants
        assertTrue(overlap(morning, row(null, at(30), false, "a")));
        assertFalse(overlap(morning, row(null, at(60), false, "a")));
        assertTrue(overlap(morning, row(at(30), null, false, "a")));
        assertFalse(overlap(morning, row(at(0), null, false, "a")));
    }

    ConcurrencyIT judge() {
        ConcurrencyIT judge = new ConcurrencyIT();
        judge.created.add(MAC);
        judge.deleted.add("02:00:DE:00:00:01");
        return judge;
    }

    @Test
    void overlapsAndTwoOpenSessionsAreFound() {
        Map<String, List<String>> findings = new LinkedHashMap<>();
        judge().checkSessions(Map.of(MAC, List.of(row(at(0), at(60), false, "a"), row(at(30), at(90), false, "b")),
                "02:00:DE:00:00:01", List.of(row(at(0), null, true, "a"), row(at(100), null, true, "b"))), findings);
        assertEquals(Set.of("no two sessions of a device overlap", "at most one open session per device"), findings.keySet());
        assertEquals(2, findings.get("no two sessions of a device overlap").size(), findings.toString());
    }

    static Answer answer(Planned planned, int status, long sent, long answered) {
        return new Answer(planned, status, "{}", status == 200 ? Json.createObjectBuilder().add("success", true).build() : null,
                "application/json", sent, answered);
    }

    @Test
    void theCreatedGroupHoldsExactlyTheAcknowledgedSessions() {
        String stored = ConcurrencyIT.key(MAC, at(0), at(60), "10.1.0.1");
        String lost = ConcurrencyIT.key(MAC, at(120), at(180), "10.1.0.2");
        String refused = ConcurrencyIT.key(MAC, at(240), at(300), "10.1.0.3");
        List<Answer> answers = List.of(
                answer(new Planned(0, 0, "create", Group.CREATED, MAC, "POST", "/", "", "", "", Set.of(200), List.of(stored)), 200, 1, 2),
                answer(new Planned(0, 1, "create", Group.CREATED, MAC, "POST", "/", "", "", "", Set.of(200), List.of(lost)), 200, 3, 4),
                answer(new Planned(0, 2, "create", Group.CREATED, MAC, "POST", "/", "", "", "", Set.of(200), List.of(refused)), 409, 5, 6));
        Map<String, List<String>> findings = new LinkedHashMap<>();
        judge().checkCreatedGroup(answers, Map.of(MAC, List.of(row(at(0), at(60), false, "10.1.0.1"),
                row(at(240), at(300), false, "10.1.0.3"))), findings);
        assertEquals(Map.of("created devices: every stored session was acknowledged", List.of(refused),
                "created devices: every acknowledged session is stored", List.of(lost)), findings);
    }

    @Test
    void aDeleteRemovesWhatWasAcknowledgedBeforeItAndNothingAfterIt() {
        String mac = "02:00:DE:00:00:01";
        String before = ConcurrencyIT.startKey(mac, at(0), "10.40.0.1");
        String after = ConcurrencyIT.startKey(mac, at(10), "10.40.0.2");
        List<Answer> answers = List.of(
                answer(new Planned(0, 0, "create-racing", Group.DELETED, mac, "POST", "/", "", "", "", Set.of(200), List.of(before)),
                        200, 1, 2),
                answer(new Planned(1, 0, "delete", Group.DELETED, mac, "DELETE", "/", "", "", "", Set.of(200), List.of()), 200, 3, 4),
                answer(new Planned(0, 1, "create-racing", Group.DELETED, mac, "POST", "/", "", "", "", Set.of(200), List.of(after)),
                        200, 5, 6));
        Map<String, List<String>> findings = new LinkedHashMap<>();
        judge().checkDeletedGroup(answers, Map.of(mac, List.of(row(at(0), at(5), false, "10.40.0.1"))), findings);
        assertEquals(Set.of("deleted devices: a session acknowledged before an acknowledged delete was sent is gone",
                "deleted devices: a session written after every delete had answered is stored"), findings.keySet(), findings.toString());
    }
}
