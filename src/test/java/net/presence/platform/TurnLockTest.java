package net.presence.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TurnLockTest {

    @Test
    void derbyNeedsNoClaim() {
        assertNull(TurnLock.claim("stale sessions", false));
    }

    @Test
    void postgresClaimsTheTasksOwnTransactionLock() {
        assertEquals("SELECT pg_try_advisory_xact_lock(" + TurnLock.key("stale sessions") + ")",
                TurnLock.claim("stale sessions", true));
    }

    @Test
    void everyServerComputesTheSameKeyAndTasksDiffer() {
        // a fixed value: a key that changed between releases would let an old and a new server both run the task
        assertEquals(7_738_267_905_391_225_918L, TurnLock.key("stale sessions"));
        assertNotEquals(TurnLock.key("stale sessions"), TurnLock.key("another task"));
    }

    @Test
    void onlyATrueAnswerIsTheTurn() {
        assertTrue(TurnLock.granted(Boolean.TRUE));
        assertFalse(TurnLock.granted(Boolean.FALSE));
        assertFalse(TurnLock.granted(null));
        assertFalse(TurnLock.granted("t"));
    }
}
