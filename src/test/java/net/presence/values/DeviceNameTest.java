package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceNameTest {

    @Test
    void trimsAndCountsCodePoints() {
        assertEquals("Kitchen iPad", DeviceName.parse("  Kitchen iPad\t"));
        String emoji = "\uD83D\uDE00".repeat(64);
        assertEquals(emoji, DeviceName.parse(emoji));
        assertEquals("x".repeat(64), DeviceName.parse(" " + "x".repeat(64) + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a\u0007b", "line\nbreak"})
    void refusesEmptyNamesAndControlCharacters(String text) {
        assertEquals(DeviceName.ACCEPTED, assertThrows(InvalidValueException.class, () -> DeviceName.parse(text)).getMessage());
    }

    @Test
    void refusesMoreThan64CodePoints() {
        assertThrows(InvalidValueException.class, () -> DeviceName.parse("x".repeat(65)));
        assertThrows(InvalidValueException.class, () -> DeviceName.parse("\uD83D\uDE00".repeat(65)));
    }

    @Test
    void aScannersBlankNameIsNoName() {
        assertNull(DeviceName.observed(null));
        assertNull(DeviceName.observed("  "));
        assertEquals("phone", DeviceName.observed(" phone "));
        assertThrows(InvalidValueException.class, () -> DeviceName.observed("x".repeat(65)));
    }
}
