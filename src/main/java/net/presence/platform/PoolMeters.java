package net.presence.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection pool as the application sees it, the same on every server: connections lent to
 * EclipseLink and not yet given back, threads waiting for one, and how long the wait took. Each
 * server's pool has statistics of its own, but under names, switches and management APIs that differ
 * from server to server; these are measured where EclipseLink asks the container's pool for a
 * connection (PatientLogin's connector) and gives it back (the connection's close).
 */
final class PoolMeters {

    private static final AtomicInteger IN_USE = new AtomicInteger();
    private static final AtomicInteger WAITING = new AtomicInteger();
    private static final Timer WAIT = Meters.timer("sessions_db_connection_wait",
            "Time EclipseLink waited for a connection from the container's pool");

    static {
        Gauge.builder("sessions_db_connections_in_use", IN_USE, AtomicInteger::get)
                .description("Pooled connections lent to EclipseLink and not yet given back").register(Meters.REGISTRY);
        Gauge.builder("sessions_db_connections_waiting", WAITING, AtomicInteger::get)
                .description("Threads waiting for a connection from the container's pool").register(Meters.REGISTRY);
    }

    private PoolMeters() {
    }

    /** A thread starts to wait; pass what this answers to {@link #served}. */
    static long waiting() {
        WAITING.incrementAndGet();
        return System.nanoTime();
    }

    /** The wait is over, with or without a connection. */
    static void served(long started) {
        WAITING.decrementAndGet();
        WAIT.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The connection, counted as in use until its first close. */
    static Connection lent(Connection connection) {
        IN_USE.incrementAndGet();
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(PoolMeters.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && returned.compareAndSet(false, true)) {
                        IN_USE.decrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
