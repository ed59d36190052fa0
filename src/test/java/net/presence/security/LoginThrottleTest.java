package net.presence.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoginThrottleTest {

    @Test
    void theLimitBlocksThatAddressForAMinuteOnly() {
        LoginThrottle throttle = new LoginThrottle(3);
        throttle.failed("a", 0);
        throttle.failed("a", 1_000);
        assertEquals(0, throttle.blockedSeconds("a", 1_000));
        throttle.failed("a", 2_000);
        assertEquals(60, throttle.blockedSeconds("a", 2_000));
        assertEquals(1, throttle.blockedSeconds("a", 61_500));
        assertEquals(0, throttle.blockedSeconds("a", 62_000));
        assertEquals(0, throttle.blockedSeconds("b", 2_000));
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotAddUp() {
        LoginThrottle throttle = new LoginThrottle(3);
        throttle.failed("a", 0);
        throttle.failed("a", 30_000);
        throttle.failed("a", 60_000);
        assertEquals(0, throttle.blockedSeconds("a", 60_000));
    }

    @Test
    void zeroTurnsItOff() {
        LoginThrottle throttle = new LoginThrottle(0);
        for (int i = 0; i < 100; i++) {
            throttle.failed("a", i);
        }
        assertEquals(0, throttle.blockedSeconds("a", 100));
    }
}
