package net.presence.it;

import static net.presence.it.ConcurrencyChecksTest.at;
import static net.presence.it.ConcurrencyChecksTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.presence.it.CrashIT.Expected;
import org.junit.jupiter.api.Test;

/** CrashIT's judgement, without a server: it finds lost writes, half-written sessions and orphan events. */
class CrashChecksTest {

    static final String MAC = "0C:00:00:00:00:01";

    static JsonObject event(Instant at, String type) {
        return Json.createObjectBuilder().add("eve_MAC", MAC).add("eve_DateTime", ConcurrencyChecksTest.iso(at))
                .add("eve_EventType", type).build();
    }

    static JsonObject session(Instant from, Instant to, boolean open) {
        JsonObject row = row(from, to, open, "10.12.0.1");
        return Json.createObjectBuilder(row).add("ses_MAC", MAC).build();
    }

    @Test
    void aWholeHistoryHasNoFindings() {
        List<JsonObject> sessions = List.of(session(at(0), at(60), false), session(at(90), null, true));
        List<JsonObject> events = List.of(event(at(0), "Connected"), event(at(60), "Disconnected"), event(at(90), "Connected"));
        List<Expected> expected = List.of(Expected.session(MAC, at(0), at(60), false, "10.12.0.1", "create"),
                Expected.session(MAC, at(90), null, true, null, "observation"), Expected.scan(at(90), 1, 0, "scan"));
        assertEquals(Map.of(), CrashIT.judge(expected, Map.of(MAC, sessions), events));
    }

    @Test
    void lostWritesHalfWrittenSessionsAndOrphanEventsAreFound() {
        List<JsonObject> sessions = List.of(session(at(0), at(60), false), session(at(100), at(130), false));
        // the second session lost its disconnection event; an event at minute 70 has no session
        List<JsonObject> events = List.of(event(at(0), "Connected"), event(at(60), "Disconnected"), event(at(70), "Connected"),
                event(at(100), "Connected"));
        List<Expected> expected = List.of(Expected.session(MAC, at(0), at(60), false, "10.12.0.1", "kept"),
                Expected.session(MAC, at(0), at(50), false, null, "closed at 50, lost"),
                Expected.scan(at(100), 1, 1, "scan that closed one, lost"));
        Map<String, List<String>> findings = CrashIT.judge(expected, Map.of(MAC, sessions), events);
        assertEquals(Set.of(CrashIT.LOST, "every end of a session has its event", "every event belongs to a session"),
                findings.keySet(), findings.toString());
        assertEquals(2, findings.get(CrashIT.LOST).size(), findings.toString());
    }

    @Test
    void overlapsAndTwoOpenSessionsAreFound() {
        List<JsonObject> sessions = List.of(session(at(0), null, true), session(at(30), null, true));
        List<JsonObject> events = List.of(event(at(0), "Connected"), event(at(30), "Connected"));
        assertEquals(Set.of("no two sessions of a device overlap", "at most one open session per device"),
                CrashIT.judge(List.of(), Map.of(MAC, sessions), events).keySet());
    }
}
