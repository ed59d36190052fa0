package net.presence.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import net.presence.values.MacAddress;

class LiveChangesTest {

    @Test
    void aSessionChangedTwiceInOneTransactionIsSentOnce() {
        LiveChanges.Committed committed = new LiveChanges.Committed();
        LiveChange first = LiveNoticeTest.session(1);
        committed.add(first);
        committed.add(LiveChange.of(first.session()));
        committed.add(LiveNoticeTest.session(2));
        assertEquals(2, committed.changes().size());
    }

    @Test
    void tooManyChangesBecomeOneReloadThatCountsThem() {
        LiveChanges.Committed committed = new LiveChanges.Committed();
        for (int i = 0; i < LiveChanges.MAX_CHANGES + 5; i++) {
            committed.add(LiveNoticeTest.session(i));
        }
        assertEquals(List.of(LiveChange.reload(LiveChanges.MAX_CHANGES + 5)), committed.changes());
    }

    @Test
    void anImportIsOneReload() {
        LiveChanges.Committed committed = new LiveChanges.Committed();
        committed.add(LiveChange.deleted(MacAddress.parse("AA:BB:CC:DD:EE:FF"), 2));
        committed.add(LiveChange.reload(1));
        committed.add(LiveChange.reload(1));
        assertEquals(List.of(LiveChange.reload(3)), committed.changes());
    }
}
