package net.presence.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.presence.values.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionRulesTest {

    /** One code point outside the Basic Multilingual Plane: two UTF-16 chars. */
    private static final String EMOJI = "\uD83D\uDCF6";
    private static final Instant NOW = Instant.parse("2025-08-21T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"Connected", "Disconnected", "New Device", "Device Down", "Down Reconnected",
            "IP Changed", "VOIDED - Connected", "VOIDED - Disconnected"})
    void typesInUseAreAccepted(String type) {
        assertEquals(type, SessionRules.eventType(type));
    }

    @Test
    void typeOfOneToThirtyCharactersIsAccepted() {
        assertEquals("x", SessionRules.eventType("x"));
        assertEquals("a".repeat(30), SessionRules.eventType("a".repeat(30)));
        assertEquals("Ünïcödé", SessionRules.eventType("Ünïcödé"));
    }

    @Test
    void typeOfMoreThanThirtyCharactersIsRejected() {
        assertThrows(InvalidValueException.class, () -> SessionRules.eventType("a".repeat(31)));
    }

    @Test
    void emptyTypeIsRejected() {
        assertThrows(InvalidValueException.class, () -> SessionRules.eventType(""));
    }

    @Test
    void typeLengthCountsCodePointsSoAnEmojiIsOne() {
        assertEquals(60, EMOJI.repeat(30).length());
        assertEquals(EMOJI.repeat(30), SessionRules.eventType(EMOJI.repeat(30)));
        assertEquals("Wi-Fi " + EMOJI, SessionRules.eventType("Wi-Fi " + EMOJI));
        assertThrows(InvalidValueException.class, () -> SessionRules.eventType(EMOJI.repeat(31)));
    }

    @Test
    void infoUpTo250CharactersIsAccepted() {
        assertEquals("", SessionRules.info(""));
        assertEquals("b".repeat(250), SessionRules.info("b".repeat(250)));
    }

    @Test
    void infoOver250CharactersIsRejected() {
        assertThrows(InvalidValueException.class, () -> SessionRules.info("b".repeat(251)));
    }

    @Test
    void infoLengthCountsCodePoints() {
        assertEquals(EMOJI.repeat(250), SessionRules.info(EMOJI.repeat(250)));
        assertThrows(InvalidValueException.class, () -> SessionRules.info(EMOJI.repeat(251)));
        assertThrows(InvalidValueException.class, () -> SessionRules.info(EMOJI.repeat(250) + "c"));
    }

    @Test
    void rejectionsSayTheLimit() {
        assertTrue(assertThrows(InvalidValueException.class, () -> SessionRules.eventType(""))
                .getMessage().contains("1 to 30"));
        assertTrue(assertThrows(InvalidValueException.class, () -> SessionRules.info("b".repeat(251)))
                .getMessage().contains("250"));
    }

    @Test
    void futureMeansMoreThanFiveMinutesAhead() {
        assertFalse(SessionRules.isInFuture(NOW.minusSeconds(3600), NOW));
        assertFalse(SessionRules.isInFuture(NOW, NOW));
        assertFalse(SessionRules.isInFuture(NOW.plusSeconds(300), NOW));
        assertTrue(SessionRules.isInFuture(NOW.plusSeconds(300).plusNanos(1), NOW));
        assertTrue(SessionRules.isInFuture(NOW.plusSeconds(3600), NOW));
    }
}
