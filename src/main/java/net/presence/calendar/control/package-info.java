/**
 * The calendar's one source of truth: {@link net.presence.calendar.control.CalendarAssembler} turns
 * stored sessions into bars. The JSON endpoint and the page both get their bars from it, so they
 * cannot disagree; it needs no container, so its rules are unit-tested directly.
 */
package net.presence.calendar.control;
