package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "AA:BB:CC:DD:EE:FF", "aa:bb:cc:dd:ee:ff", "Aa:bB:cC:Dd:eE:fF",
            "AA-BB-CC-DD-EE-FF", "aa-bb-cc-dd-ee-ff",
            "AABBCCDDEEFF", "aabbccddeeff", "AaBbCcDdEeFf"})
    void everyAcceptedSpellingBecomesCanonical(String text) {
        assertEquals("AA:BB:CC:DD:EE:FF", MacAddress.canonical(text));
    }

    @Test
    void digitsKeepTheirOrderAndPairs() {
        assertEquals("01:23:45:67:89:AB", MacAddress.canonical("0123456789ab"));
        assertEquals("00:00:00:00:00:00", MacAddress.canonical("00-00-00-00-00-00"));
        assertEquals("FF:0E:D1:C2:B3:A4", MacAddress.canonical("ff:0e:d1:c2:b3:a4"));
    }

    @Test
    void canonicalIsStable() {
        String once = MacAddress.canonical("a1-b2-c3-d4-e5-f6");
        assertEquals(once, MacAddress.canonical(once));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AA:BB-CC:DD:EE:FF",      // mixed separators
            "AA-BB:CC-DD:EE-FF",
            "AA.BB.CC.DD.EE.FF",      // other separator
            "AABB.CCDD.EEFF",
            "AA:BB:CC:DD:EE",         // five pairs
            "AA:BB:CC:DD:EE:FF:00",   // seven pairs
            "AABBCCDDEE",             // ten digits
            "AABBCCDDEEFF0",          // thirteen digits
            "A:BB:CC:DD:EE:FF",       // one digit in a pair
            "AAA:BB:CC:DD:EE:FF",
            "GG:BB:CC:DD:EE:FF",      // not hex
            "AABBCCDDEEFG",
            "AA:BB:CC:DD:EE:FF:",     // trailing separator
            ":AA:BB:CC:DD:EE:FF",
            "AA::BB:CC:DD:EE:FF",
            " AA:BB:CC:DD:EE:FF",     // surrounding space
            "AA:BB:CC:DD:EE:FF ",
            "AA BB CC DD EE FF",
            "ＡＡ:BB:CC:DD:EE:FF",     // full-width letters are not hex digits
            "not a mac"})
    void anythingElseIsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> MacAddress.canonical(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingIsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> MacAddress.canonical(text));
    }

    @Test
    void rejectionSaysWhatIsAccepted() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> MacAddress.canonical("x"));
        assertEquals(MacAddress.ACCEPTED, e.getMessage());
    }
}
