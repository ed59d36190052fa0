package net.presence.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoolMetersTest {

    private final List<String> calls = new ArrayList<>();

    /** The meters register when the class first lends; in the server that is at the first query. */
    @BeforeAll
    static void registerTheMeters() {
        PoolMeters.served(PoolMeters.waiting());
    }

    /** A connection that records what it is asked and fails commit, as a broken one would. */
    private Connection pooled() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "commit" -> throw new SQLException("the database went away", "08006");
                        case "getAutoCommit" -> true;
                        default -> null;
                    };
                });
    }

    private static double gauge(String name) {
        return Meters.REGISTRY.get(name).gauge().value();
    }

    @Test
    void aLentConnectionCountsAsInUseUntilItsFirstClose() throws SQLException {
        double before = gauge("sessions_db_connections_in_use");
        Connection lent = PoolMeters.lent(pooled());
        assertEquals(before + 1, gauge("sessions_db_connections_in_use"));
        assertTrue(lent.getAutoCommit());
        lent.close();
        lent.close();
        assertEquals(before, gauge("sessions_db_connections_in_use"), "a second close gives nothing back twice");
        assertEquals(List.of("getAutoCommit", "close", "close"), calls, "every call reaches the pool's connection");
    }

    @Test
    void theConnectionsOwnExceptionReachesTheCaller() {
        Connection lent = PoolMeters.lent(pooled());
        SQLException thrown = assertThrows(SQLException.class, lent::commit);
        assertEquals("08006", thrown.getSQLState());
    }

    @Test
    void aWaitIsCountedWhileItLastsAndTimedWhenServed() {
        long timed = Meters.REGISTRY.get("sessions_db_connection_wait").timer().count();
        double waiting = gauge("sessions_db_connections_waiting");
        long started = PoolMeters.waiting();
        assertEquals(waiting + 1, gauge("sessions_db_connections_waiting"));
        PoolMeters.served(started);
        assertEquals(waiting, gauge("sessions_db_connections_waiting"));
        assertEquals(timed + 1, Meters.REGISTRY.get("sessions_db_connection_wait").timer().count());
        assertFalse(gauge("sessions_db_connections_waiting") < 0);
    }
}
