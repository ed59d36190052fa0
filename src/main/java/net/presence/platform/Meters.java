package net.presence.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The application's one metrics registry (Micrometer, Prometheus text), shared by every layer that
 * counts something. Meters are made once and kept in fields: counting is then one atomic add, with
 * nothing allocated per request.
 */
public final class Meters {

    public static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Latency buckets for requests and scans, from a fast read to a long import. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(10), Duration.ofSeconds(60)};

    private Meters() {
    }

    public static Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(REGISTRY);
    }

    /** A timer published as a Prometheus histogram with the buckets above. */
    public static Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS).register(REGISTRY);
    }
}
