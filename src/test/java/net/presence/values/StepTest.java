package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StepTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @CsvSource({
            "5 minutes, 5, MINUTES, 5 minutes",
            "1 hour, 1, HOURS, 1 hour",
            "  2 HOURS , 2, HOURS, 2 hours",
            "1440 minutes, 1440, MINUTES, 1440 minutes",
            "24 hours, 24, HOURS, 24 hours",
            "1 Day, 1, DAYS, 1 day"})
    void parsesStepsFromFiveMinutesToADay(String text, long amount, ChronoUnit unit, String canonical) {
        Step step = Step.parse(text);
        assertEquals(new Step(amount, unit), step);
        assertEquals(canonical, step.canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4 minutes", "0 hours", "25 hours", "1441 minutes", "2 days", "1 week", "1 month", "hour", "1hour x", ""})
    void refusesOtherSteps(String text) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> Step.parse(text));
        assertEquals(Step.ACCEPTED, refused.getMessage());
    }

    @Test
    void dayStepsAreCalendarDaysAndHourStepsRealHours() {
        Instant from = ZonedDateTime.of(2026, 10, 24, 0, 0, 0, 0, BERLIN).toInstant();
        Instant until = ZonedDateTime.of(2026, 10, 27, 0, 0, 0, 0, BERLIN).toInstant();
        List<Instant> days = Step.parse("1 day").bounds(from, until, BERLIN, 10);
        assertEquals(List.of(from, Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z"), until), days);

        Instant sunday = Instant.parse("2026-10-24T22:00:00Z");
        List<Instant> hours = Step.parse("1 hour").bounds(sunday, sunday.plus(25, ChronoUnit.HOURS), BERLIN, 100);
        assertEquals(26, hours.size(), "the 25-hour day has 25 hour steps");
    }

    @Test
    void aShortLastStepEndsAtTheWindowsEnd() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        List<Instant> bounds = Step.parse("1 hour").bounds(from, from.plus(90, ChronoUnit.MINUTES), BERLIN, 10);
        assertEquals(List.of(from, from.plus(1, ChronoUnit.HOURS), from.plus(90, ChronoUnit.MINUTES)), bounds);
        assertEquals(List.of(), Step.parse("1 hour").bounds(from, from, BERLIN, 10));
    }

    @Test
    void refusesMorePointsThanTheLimitBeforeBuildingThem() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Step fiveMinutes = Step.parse("5 minutes");
        assertEquals(10_001, fiveMinutes.bounds(from, from.plus(50_000, ChronoUnit.MINUTES), BERLIN, 10_000).size());
        Step.TooManyPointsException refused = assertThrows(Step.TooManyPointsException.class,
                () -> fiveMinutes.bounds(from, from.plus(50_001, ChronoUnit.MINUTES), BERLIN, 10_000));
        assertEquals(10_001, refused.points());
        assertEquals("10001 points", refused.getMessage());
        // a century in five-minute steps is counted, not built
        assertEquals(10_519_200, assertThrows(Step.TooManyPointsException.class,
                () -> fiveMinutes.bounds(from, from.plus(36_525, ChronoUnit.DAYS), BERLIN, 10_000)).points());
        // day steps are counted one by one, and counting stops past the limit
        assertEquals("more than 3 points", assertThrows(Step.TooManyPointsException.class,
                () -> Step.parse("1 day").bounds(from, from.plus(30, ChronoUnit.DAYS), BERLIN, 3)).getMessage());
    }
}
