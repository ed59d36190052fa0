package net.presence.platform;

import java.time.Duration;
import java.util.Arrays;

/**
 * Payara Micro's own shutdown hook stops the HTTP listeners and undeploys as soon as the JVM is told
 * to stop, beside the application's hook rather than after it: requests in flight were cut without
 * an answer, and new ones met a closed port or the half-undeployed WAR instead of Drain's 503. Payara
 * first sleeps {@code fish.payara.shutdowngrace} milliseconds when that property is set, with
 * everything still serving; so the application sets it to Drain's grace, and ends the sleep early
 * once the drain is done and the database closed. Other servers ignore the property; an operator's
 * own value is kept, and then waited out in full (a load balancer may need that long to notice).
 */
final class PayaraGrace {

    static final String PROPERTY = "fish.payara.shutdowngrace";
    /** Where Payara's hook sleeps (glassfish.jar, GlassFishImpl), as it shows in a thread's stack. */
    private static final String SLEEPER = "sleepShutdownGracePeriod";

    private static volatile boolean ours;

    private PayaraGrace() {
    }

    /** At start: Payara will keep serving this long after SIGTERM, unless the operator said otherwise. */
    static void hold(Duration grace) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, String.valueOf(grace.toMillis()));
            ours = true;
        }
    }

    /** After the drain: Payara may stop now. Its sleep treats an interrupt as the end of the grace. */
    static void release() {
        if (!ours) {
            return;
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (Arrays.stream(stack).anyMatch(frame -> frame.getMethodName().equals(SLEEPER))) {
                thread.interrupt();
            }
        });
    }
}
