package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ZonesTest {

    @ParameterizedTest
    @CsvSource({
            "Europe/Berlin, Europe/Berlin",
            "europe/berlin, Europe/Berlin",
            "EUROPE/BERLIN, Europe/Berlin",
            "eUrOpE/bErLiN, Europe/Berlin",
            "america/new_york, America/New_York",
            "AMERICA/ARGENTINA/BUENOS_AIRES, America/Argentina/Buenos_Aires",
            "asia/kolkata, Asia/Kolkata",
            "utc, UTC",
            "UTC, UTC",
            "etc/gmt+5, Etc/GMT+5",
            "etc/utc, Etc/UTC"})
    void idsMatchInAnyCaseAndAnswerInTheirProperSpelling(String text, String id) {
        assertEquals(id, Zones.parse(text).getId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Nowhere", "Mars/Olympus_Mons", "Berlin", "CEST", "+02:00", "Z", "UTC+2",
            "Europe/Berlin/", "Europe Berlin", "Europe\\Berlin"})
    void unknownIdsAreRejected(String text) {
        assertThrows(InvalidValueException.class, () -> Zones.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingIsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> Zones.parse(text));
    }

    @Test
    void rejectionSaysWhatIsAccepted() {
        assertEquals(Zones.ACCEPTED, assertThrows(InvalidValueException.class, () -> Zones.parse("x")).getMessage());
    }
}
