package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0, 0.0.0.0",
            "1.2.3.4, 1.2.3.4",
            "192.168.1.10, 192.168.1.10",
            "255.255.255.255, 255.255.255.255",
            "10.0.255.1, 10.0.255.1"})
    void ipv4IsKeptAsDottedDecimal(String text, String expected) {
        assertEquals(expected, IpAddress.canonical(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1.2.3",            // three parts
            "1.2.3.4.5",        // five parts
            "16909060",         // a bare number
            "0x01020304",
            "256.0.0.1",        // part above 255
            "1.2.3.256",
            "1.2.3.1000",
            ".1.2.3.4",         // leading dot
            "1.2.3.4.",         // trailing dot
            "1..3.4",           // empty part
            "1.2.3.-4",
            "1.2.3.+4",
            "1.2.3.4a",
            "1.2.3. 4",
            " 1.2.3.4",
            "1.2.3.4 ",
            "١.٢.٣.٤"})         // Arabic-Indic digits are not decimal parts
    void malformedIpv4IsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> IpAddress.canonical(text));
    }

    @ParameterizedTest
    @CsvSource({
            // lower case, leading zeros dropped
            "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:DB8:AC10:FE01:0:0:0:0, 2001:db8:ac10:fe01::",
            "0001:0002:0003:0004:0005:0006:0007:0008, 1:2:3:4:5:6:7:8",
            // full form without zeros stays full
            "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
            // already compressed input is recompressed where it belongs
            "2001:db8::0:1, 2001:db8::1",
            "2001:db8:0:0:1::, 2001:db8:0:0:1::",
            "2001:db8::1:0:0:0:0, 2001:db8:0:1::",
            "fe80::1, fe80::1"})
    void ipv6IsWrittenAsRfc5952(String text, String expected) {
        assertEquals(expected, IpAddress.canonical(text));
    }

    @ParameterizedTest
    @CsvSource({
            "::, ::",
            "0:0:0:0:0:0:0:0, ::",
            "::1, ::1",
            "0:0:0:0:0:0:0:1, ::1",
            "1::, 1::",
            "1:0:0:0:0:0:0:0, 1::"})
    void allZeroAndLoopbackForms(String text, String expected) {
        assertEquals(expected, IpAddress.canonical(text));
    }

    @ParameterizedTest
    @CsvSource({
            // the longest run wins
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "1:0:0:0:2:0:0:3, 1::2:0:0:3",
            // of equally long runs the first one is compressed
            "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            // a single zero group is never compressed
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "1:0:2:0:3:0:4:0, 1:0:2:0:3:0:4:0",
            // a run of exactly two is compressed
            "1:2:3:0:0:6:7:8, 1:2:3::6:7:8"})
    void theFirstLongestZeroRunOfAtLeastTwoGroupsIsCompressed(String text, String expected) {
        assertEquals(expected, IpAddress.canonical(text));
    }

    @ParameterizedTest
    @CsvSource({
            "::ffff:1.2.3.4, ::ffff:1.2.3.4",
            "::FFFF:192.168.1.10, ::ffff:192.168.1.10",
            "0:0:0:0:0:ffff:102:304, ::ffff:1.2.3.4",
            "0000:0000:0000:0000:0000:ffff:255.255.255.255, ::ffff:255.255.255.255"})
    void ipv4MappedIsWrittenInMixedNotation(String text, String expected) {
        assertEquals(expected, IpAddress.canonical(text));
    }

    @ParameterizedTest
    @CsvSource({
            "::1.2.3.4, ::102:304",
            "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
            "1:2:3:4:5:6:10.0.0.1, 1:2:3:4:5:6:a00:1"})
    void ipv4EmbeddedInOtherAddressesIsWrittenInHex(String text, String expected) {
        assertEquals(expected, IpAddress.canonical(text));
    }

    @Test
    void canonicalIsStable() {
        for (String text : new String[] {"2001:DB8:0:0:1:0:0:1", "::FFFF:1.2.3.4", "0:0:0:0:0:0:0:0"}) {
            String once = IpAddress.canonical(text);
            assertEquals(once, IpAddress.canonical(once));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "fe80::1%eth0",                 // zone ids are not accepted
            "fe80::1%1",
            "[::1]",
            "1:2:3:4:5:6:7",                // seven groups, no ::
            "1:2:3:4:5:6:7:8:9",            // nine groups
            "1:2:3:4::5:6:7:8",             // :: must stand for at least one group
            "1::2::3",                      // two ::
            ":::",
            "1:::2",
            ":1:2:3:4:5:6:7",               // lone leading colon
            "1:2:3:4:5:6:7:",               // lone trailing colon
            "12345::1",                     // group of five digits
            "g::1",                         // not hex
            "1:2:3:4:5:6:7:1.2.3.4",        // nine groups with the IPv4 part
            "1:2:3:4:5:6::1.2.3.4",
            "::1.2.3",                      // bad embedded IPv4
            "::256.1.1.1",
            "1.2.3.4::",                    // IPv4 part not at the end
            "::1.2.3.4:1",
            "::ffff:1.2.3.4 ",
            "fe80::٣",                      // Arabic-Indic digit
            "fe80::ａ"})                     // full-width letter
    void malformedIpv6IsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> IpAddress.canonical(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "www.example.com", "router.local", "a.b.c.d"})
    void hostNamesAreRejectedNotResolved(String text) {
        assertThrows(InvalidValueException.class, () -> IpAddress.canonical(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingIsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> IpAddress.canonical(text));
    }

    @Test
    void rejectionSaysWhatIsAccepted() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> IpAddress.canonical("1.2.3"));
        assertEquals(IpAddress.ACCEPTED, e.getMessage());
    }
}
