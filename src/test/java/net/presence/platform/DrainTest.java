package net.presence.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One test: Drain's flag is for the JVM's whole life, as on a real stop. */
class DrainTest {

    @Test
    void aStopWaitsForTheRequestInFlightAndRefusesNewOnes() throws Exception {
        assertTrue(Drain.enter(), "a request before the stop runs");
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return Drain.drain(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Drain.draining() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertTrue(Drain.draining());
        assertFalse(Drain.enter(), "a request after the stop signal is refused");
        Thread.sleep(200);
        assertFalse(stopped.isDone(), "the stop waits while a request is in flight");
        Drain.leave();
        assertTrue(stopped.get(5, TimeUnit.SECONDS), "the stop goes on once the request is done");
        assertTrue(Drain.drain(Duration.ZERO), "nothing in flight: nothing to wait for");
    }
}
