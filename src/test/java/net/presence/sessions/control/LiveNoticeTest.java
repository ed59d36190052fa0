package net.presence.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import net.presence.values.MacAddress;

class LiveNoticeTest {

    @Test
    void deletionsAndReloadsTravelWithTheirCounts() {
        MacAddress mac = MacAddress.parse("aa-bb-cc-dd-ee-0f");
        List<String> payloads = LiveNotice.encode("abc", List.of(LiveChange.deleted(mac, 4), LiveChange.reload(12)));
        assertEquals(List.of("abc d AA:BB:CC:DD:EE:0F 4", "abc r 12"), payloads);
        LiveNotice deleted = LiveNotice.decode(payloads.get(0)).orElseThrow();
        assertEquals(LiveChange.Kind.DELETED, deleted.kind());
        assertEquals(mac, deleted.mac());
        assertEquals(4, deleted.count());
        assertEquals("abc", deleted.server());
        assertFalse(deleted.fromThisServer());
        assertEquals(12, LiveNotice.decode(payloads.get(1)).orElseThrow().count());
    }

    @Test
    void sessionIdsArePackedBelowPostgresLimit() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1_000_000_000L; id < 1_000_000_000L + 2000; id++) {
            ids.add(id);
        }
        List<String> payloads = LiveNotice.encode("server", ids.stream().map(LiveNoticeTest::session).toList());
        assertTrue(payloads.size() >= 3, "2000 ids of 10 digits do not fit one notice: " + payloads.size());
        List<Long> decoded = new ArrayList<>();
        for (String payload : payloads) {
            assertTrue(payload.length() <= LiveNotice.MAX_PAYLOAD, payload.length() + " characters");
            LiveNotice notice = LiveNotice.decode(payload).orElseThrow();
            assertEquals(LiveChange.Kind.SESSION, notice.kind());
            decoded.addAll(notice.sessionIds());
        }
        assertEquals(ids, decoded);
    }

    @Test
    void aStrangePayloadIsIgnored() {
        assertEquals(Optional.empty(), LiveNotice.decode("x s 1,a"));
        assertEquals(Optional.empty(), LiveNotice.decode("x d not-a-mac 1"));
        assertEquals(Optional.empty(), LiveNotice.decode(""));
        assertEquals(Optional.empty(), LiveNotice.decode(null));
    }

    @Test
    void thisServerKnowsItsOwnNotices() {
        LiveNotice own = LiveNotice.decode(LiveNotice.encode(List.of(LiveChange.reload(1))).get(0)).orElseThrow();
        assertTrue(own.fromThisServer());
    }

    /** A session with only an id, as the notice needs it. */
    static LiveChange session(long id) {
        net.presence.sessions.entity.Session session = net.presence.sessions.entity.Session.open(
                MacAddress.parse("AA:BB:CC:DD:EE:FF"), net.presence.values.IpAddress.parse("10.0.0.1"), "",
                java.time.Instant.EPOCH, net.presence.sessions.entity.EventType.CONNECTED);
        try {
            var field = net.presence.sessions.entity.Session.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(session, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return LiveChange.of(session);
    }
}
