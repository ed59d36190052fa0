package net.presence.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.values.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewSessionTest {

    private static final Instant NOW = Instant.parse("2025-08-21T10:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static NewSession session(Instant start, Instant end) {
        return new NewSession(MacAddress.parse("AA:BB:CC:DD:EE:FF"), IpAddress.parse("192.168.1.10"), start, end,
                EventType.CONNECTED, EventType.DISCONNECTED, "");
    }

    @Test
    void pastClosedSessionHasNoProblems() {
        assertEquals(Map.of(), session(NOW.minusSeconds(3600), NOW.minusSeconds(60)).problems(NOW));
    }

    @Test
    void openSessionHasNoProblems() {
        assertEquals(Map.of(), session(NOW.minusSeconds(3600), null).problems(NOW));
        assertEquals(Map.of(), session(NOW, null).problems(NOW));
    }

    @Test
    void endEqualToStartIsAllowed() {
        assertEquals(Map.of(), session(NOW.minusSeconds(60), NOW.minusSeconds(60)).problems(NOW));
    }

    @Test
    void upToFiveMinutesAheadIsAllowedForClockDrift() {
        Instant limit = NOW.plus(FIVE_MINUTES);
        assertEquals(Map.of(), session(limit, limit).problems(NOW));
        assertEquals(Map.of(), session(NOW, limit).problems(NOW));
        assertEquals(Map.of(), session(limit, null).problems(NOW));
    }

    @Test
    void startMoreThanFiveMinutesAheadIsAProblem() {
        Instant tooLate = NOW.plus(FIVE_MINUTES).plusSeconds(1);
        assertEquals(Map.of("start_time", "Field 'start_time' is more than 5 minutes in the future"),
                session(tooLate, null).problems(NOW));
    }

    @Test
    void endMoreThanFiveMinutesAheadIsAProblem() {
        Instant tooLate = NOW.plus(FIVE_MINUTES).plusNanos(1);
        assertEquals(Map.of("end_time", "Field 'end_time' is more than 5 minutes in the future"),
                session(NOW.minusSeconds(60), tooLate).problems(NOW));
    }

    @Test
    void bothTimesInTheFutureAreBothReported() {
        Instant tooLate = NOW.plus(Duration.ofHours(1));
        Map<String, String> problems = session(tooLate, tooLate).problems(NOW);
        assertEquals(2, problems.size());
        assertTrue(problems.get("start_time").contains("future"));
        assertTrue(problems.get("end_time").contains("future"));
    }

    @Test
    void endBeforeStartIsAProblem() {
        Map<String, String> problems = session(NOW.minusSeconds(60), NOW.minusSeconds(61)).problems(NOW);
        assertEquals(Map.of("end_time", "Field 'end_time' is before 'start_time': a session cannot end before it starts"),
                problems);
    }

    @Test
    void spanIsOpenWithoutEnd() {
        assertEquals(Span.open(NOW), session(NOW, null).span());
    }

    @Test
    void spanRunsFromStartToEnd() {
        Instant end = NOW.plusSeconds(60);
        assertEquals(new Span(NOW, end), session(NOW, end).span());
        assertTrue(session(NOW, NOW).span().isPoint());
    }
}
