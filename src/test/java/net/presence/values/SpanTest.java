package net.presence.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpanTest {

    private static final Instant BASE = Instant.parse("2025-08-21T00:00:00Z");

    /** An instant {@code hour} hours after the base. */
    private static Instant at(int hour) {
        return BASE.plusSeconds(hour * 3600L);
    }

    private static Span span(int from, int to) {
        return new Span(at(from), at(to));
    }

    /** Checks both directions: overlapping is symmetric. */
    private static void assertOverlap(boolean expected, Span a, Span b) {
        assertEquals(expected, a.overlaps(b), a + " overlaps " + b);
        assertEquals(expected, b.overlaps(a), b + " overlaps " + a);
    }

    @ParameterizedTest
    @CsvSource({
            "10, 12, 11, 13, true",   // partly
            "10, 14, 11, 12, true",   // one inside the other
            "10, 12, 10, 12, true",   // identical
            "10, 12, 10, 11, true",   // same start
            "10, 12, 11, 12, true",   // same end
            "10, 12, 12, 14, false",  // touching: one ends when the next starts
            "10, 12, 13, 14, false",  // apart
            "10, 11, 11, 12, false"})
    void intervalsAreHalfOpen(int aFrom, int aTo, int bFrom, int bTo, boolean expected) {
        assertOverlap(expected, span(aFrom, aTo), span(bFrom, bTo));
    }

    @ParameterizedTest
    @CsvSource({
            "8, 9, false",      // ends before the open start
            "8, 10, false",     // ends exactly at the open start
            "8, 11, true",      // reaches past the open start
            "10, 11, true",     // starts with it
            "11, 12, true",     // after its start
            "1000, 2000, true"})
    void openSpanOverlapsEverythingAfterItsStart(int from, int to, boolean expected) {
        assertOverlap(expected, Span.open(at(10)), span(from, to));
    }

    @Test
    void twoOpenSpansAlwaysOverlap() {
        assertOverlap(true, Span.open(at(10)), Span.open(at(20)));
        assertOverlap(true, Span.open(at(10)), Span.open(at(10)));
    }

    @ParameterizedTest
    @CsvSource({
            "11, true",     // strictly inside
            "10, false",    // at the start
            "12, false",    // at the end
            "9, false",
            "13, false"})
    void pointCollidesOnlyStrictlyInsideAnInterval(int point, boolean expected) {
        assertOverlap(expected, Span.at(at(point)), span(10, 12));
    }

    @ParameterizedTest
    @CsvSource({
            "11, true",
            "100, true",
            "10, false",
            "9, false"})
    void pointCollidesWithAnOpenSpanOnlyAfterItsStart(int point, boolean expected) {
        assertOverlap(expected, Span.at(at(point)), Span.open(at(10)));
    }

    @Test
    void pointsCollideOnlyWhenEqual() {
        assertOverlap(true, Span.at(at(10)), Span.at(at(10)));
        assertOverlap(false, Span.at(at(10)), Span.at(at(11)));
        assertOverlap(false, Span.at(at(10)), Span.at(BASE.plusSeconds(10 * 3600L + 1)));
    }

    @Test
    void zeroLengthSessionIsAPoint() {
        Span zero = span(11, 11);
        assertTrue(zero.isPoint());
        assertEquals(Span.at(at(11)), zero);
        assertOverlap(true, zero, span(10, 12));
        assertOverlap(false, zero, span(11, 12));
        assertOverlap(false, zero, span(10, 11));
    }

    @Test
    void onlyEqualEndsMakeAPoint() {
        assertFalse(span(10, 11).isPoint());
        assertFalse(Span.open(at(10)).isPoint());
        assertNull(Span.open(at(10)).end());
    }
}
