package net.presence.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An orderly stop: once the JVM is told to stop (SIGTERM), new requests are refused with a 503 and
 * the requests in flight get a bounded time to finish before the database is shut down.
 * One counter and one flag, so that counting every request costs two atomic adds.
 */
public final class Drain {

    /** How long requests in flight may take to finish after SIGTERM. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final Object IDLE = new Object();
    private static volatile boolean draining;
    /** What ends the connections no request is in flight on, such as live streams, when a stop begins. */
    private static final List<Runnable> ON_DRAIN = new CopyOnWriteArrayList<>();

    private Drain() {
    }

    /** False when the server is stopping: the request must be refused. Each true needs one {@link #leave()}. */
    public static boolean enter() {
        if (draining) {
            return false;
        }
        IN_FLIGHT.incrementAndGet();
        if (draining) {
            leave();
            return false;
        }
        return true;
    }

    public static void leave() {
        if (IN_FLIGHT.decrementAndGet() == 0 && draining) {
            synchronized (IDLE) {
                IDLE.notifyAll();
            }
        }
    }

    public static boolean draining() {
        return draining;
    }

    /**
     * Runs the action when a stop begins: long-lived answers (a live stream) are not requests in
     * flight, nothing waits for them, and they are ended at once so that clients reconnect elsewhere.
     */
    public static void onDrain(Runnable action) {
        ON_DRAIN.add(action);
    }

    public static void removeOnDrain(Runnable action) {
        ON_DRAIN.remove(action);
    }

    /** Refuses new requests from now on and waits until none is in flight, at most {@code grace}; true when none is. */
    public static boolean drain(Duration grace) throws InterruptedException {
        draining = true;
        for (Runnable action : ON_DRAIN) {
            try {
                action.run();
            } catch (RuntimeException e) {
                Logger.getLogger(Drain.class.getName()).log(Level.WARNING, "An action at the stop failed", e);
            }
        }
        long until = System.nanoTime() + grace.toNanos();
        synchronized (IDLE) {
            while (IN_FLIGHT.get() > 0) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                IDLE.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }
}
