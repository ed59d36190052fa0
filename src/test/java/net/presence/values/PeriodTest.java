package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @CsvSource({
            "1 day, 1, DAYS",
            "7 days, 7, DAYS",
            "1 Month, 1, MONTHS",
            "100 YEARS, 100, YEARS",
            "2 weeks, 2, WEEKS",
            "1 week, 1, WEEKS",
            "30 minutes, 30, MINUTES",
            "1 minute, 1, MINUTES",
            "12 hours, 12, HOURS",
            "1 HoUr, 1, HOURS",
            "1 days, 1, DAYS",
            "3 month, 3, MONTHS",
            "1000000 minutes, 1000000, MINUTES"})
    void acceptedFormsParseToAmountAndUnit(String text, long amount, ChronoUnit unit) {
        assertEquals(new Period(amount, unit), Period.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {" 7 days", "7 days ", "  7 days  ", "\t7 days\n"})
    void surroundingWhitespaceIsIgnored(String text) {
        assertEquals(new Period(7, ChronoUnit.DAYS), Period.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
            "1 day, 1 day",
            "1 DAYS, 1 day",
            "7 days, 7 days",
            "7 Day, 7 days",
            "1 Month, 1 month",
            "2 MONTH, 2 months",
            "100 YEARS, 100 years",
            "1 year, 1 year",
            "1 weeks, 1 week",
            "4 week, 4 weeks",
            "1 minutes, 1 minute",
            "90 minute, 90 minutes",
            "1 hours, 1 hour",
            "24 hour, 24 hours",
            "' 7 days ', 7 days"})
    void echoIsLowerCaseSingularForOnePluralOtherwise(String text, String canonical) {
        assertEquals(canonical, Period.parse(text).canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0 days", "00 days", "-1 day", "+1 day", "1 fortnight", "1 decade", "1 second", "days", "1", "day 1",
            "1day", "1 d", "1 dayss", "1.5 days", "1,5 days", "one day", "1 day ago", "7 days 1 hour", "1-day",
            "١ day", "1000001 days", "999999999 years", "9999999999 days", "   "})
    void anythingElseIsRejected(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Period.parse(text));
        assertTrue(e.getMessage().startsWith(Period.ACCEPTED), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingIsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> Period.parse(text));
    }

    @Test
    void rejectionListsTheAcceptedForm() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Period.parse("1 fortnight"));
        assertTrue(e.getMessage().contains("minute, hour, day, week, month, year"), e.getMessage());
    }

    @Test
    void minutesAndHoursAreExact() {
        Instant now = Instant.parse("2025-08-21T10:00:00Z");
        assertEquals(Instant.parse("2025-08-21T08:30:00Z"), Period.parse("90 minutes").start(now, BERLIN));
        assertEquals(Instant.parse("2025-08-20T10:00:00Z"), Period.parse("24 hours").start(now, BERLIN));
    }

    @Test
    void hoursAcrossADstChangeAreStillExact() {
        Instant now = Instant.parse("2025-03-30T01:30:00Z"); // 03:30 CEST, just after the gap
        assertEquals(Instant.parse("2025-03-29T23:30:00Z"), Period.parse("2 hours").start(now, BERLIN));
        assertEquals(Instant.parse("2025-03-29T01:30:00Z"), Period.parse("24 hours").start(now, BERLIN));
    }

    @Test
    void daysAreCalendarDaysInTheZone() {
        Instant now = Instant.parse("2025-08-21T10:00:00Z");
        assertEquals(Instant.parse("2025-08-20T10:00:00Z"), Period.parse("1 day").start(now, BERLIN));
        assertEquals(Instant.parse("2025-08-14T10:00:00Z"), Period.parse("7 days").start(now, BERLIN));
        assertEquals(Instant.parse("2025-08-07T10:00:00Z"), Period.parse("2 weeks").start(now, BERLIN));
    }

    @Test
    void aDayAcrossSpringForwardHas23Hours() {
        Instant now = ZonedDateTime.of(2025, 3, 30, 12, 0, 0, 0, BERLIN).toInstant();
        Instant start = Period.parse("1 day").start(now, BERLIN);
        assertEquals(ZonedDateTime.of(2025, 3, 29, 12, 0, 0, 0, BERLIN).toInstant(), start);
        assertEquals(Duration.ofHours(23), Duration.between(start, now));
    }

    @Test
    void aDayAcrossFallBackHas25Hours() {
        Instant now = ZonedDateTime.of(2025, 10, 26, 12, 0, 0, 0, BERLIN).toInstant();
        Instant start = Period.parse("1 day").start(now, BERLIN);
        assertEquals(ZonedDateTime.of(2025, 10, 25, 12, 0, 0, 0, BERLIN).toInstant(), start);
        assertEquals(Duration.ofHours(25), Duration.between(start, now));
    }

    @Test
    void aWeekAcrossADstChangeIsSevenCalendarDays() {
        Instant now = ZonedDateTime.of(2025, 4, 2, 9, 0, 0, 0, BERLIN).toInstant();
        assertEquals(ZonedDateTime.of(2025, 3, 26, 9, 0, 0, 0, BERLIN).toInstant(),
                Period.parse("1 week").start(now, BERLIN));
    }

    @Test
    void monthsAreCalendarMonths() {
        Instant now = Instant.parse("2025-08-21T10:00:00Z");
        assertEquals(Instant.parse("2025-07-21T10:00:00Z"), Period.parse("1 month").start(now, ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-08-21T10:00:00Z"), Period.parse("12 months").start(now, ZoneOffset.UTC));
    }

    @Test
    void oneMonthBackFromAMonthEndIsTheLastDayOfTheShorterMonth() {
        Instant now = ZonedDateTime.of(2025, 3, 31, 12, 0, 0, 0, BERLIN).toInstant();
        assertEquals(ZonedDateTime.of(2025, 2, 28, 12, 0, 0, 0, BERLIN).toInstant(),
                Period.parse("1 month").start(now, BERLIN));
        Instant leap = ZonedDateTime.of(2024, 3, 31, 12, 0, 0, 0, BERLIN).toInstant();
        assertEquals(ZonedDateTime.of(2024, 2, 29, 12, 0, 0, 0, BERLIN).toInstant(),
                Period.parse("1 month").start(leap, BERLIN));
        Instant may = ZonedDateTime.of(2025, 5, 31, 12, 0, 0, 0, BERLIN).toInstant();
        assertEquals(ZonedDateTime.of(2025, 4, 30, 12, 0, 0, 0, BERLIN).toInstant(),
                Period.parse("1 month").start(may, BERLIN));
    }

    @Test
    void monthsAreCountedInTheDisplayZoneNotUtc() {
        // 2025-03-31T23:30Z is already April 1 in Berlin, so one month back is March 1 there
        Instant now = Instant.parse("2025-03-31T23:30:00Z");
        assertEquals(Instant.parse("2025-03-01T00:30:00Z"), Period.parse("1 month").start(now, BERLIN));
        assertEquals(Instant.parse("2025-02-28T23:30:00Z"), Period.parse("1 month").start(now, ZoneOffset.UTC));
    }

    @Test
    void yearsAreCalendarYearsIncludingLeapDays() {
        Instant leapDay = Instant.parse("2024-02-29T12:00:00Z");
        assertEquals(Instant.parse("2023-02-28T12:00:00Z"), Period.parse("1 year").start(leapDay, ZoneOffset.UTC));
        assertEquals(Instant.parse("2020-02-29T12:00:00Z"), Period.parse("4 years").start(leapDay, ZoneOffset.UTC));
        Instant march = Instant.parse("2024-03-01T12:00:00Z");
        assertEquals(Duration.ofDays(366), Duration.between(Period.parse("1 year").start(march, ZoneOffset.UTC), march));
        assertEquals(Instant.parse("1924-03-01T12:00:00Z"), Period.parse("100 years").start(march, ZoneOffset.UTC));
    }

    @Test
    void theLargestAmountStillGivesAStart() {
        Instant now = Instant.parse("2025-08-21T10:00:00Z");
        assertEquals(-997_975, Period.parse("1000000 years").start(now, ZoneOffset.UTC).atOffset(ZoneOffset.UTC).getYear());
    }
}
