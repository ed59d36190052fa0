/**
 * The calendar's two faces, {@code GET /sessions/calendar} and the page {@code /calendar.xhtml}, and
 * the facade both of them call. Neither face computes a time or a colour: they only translate
 * parameters in and the assembler's events out.
 */
package net.presence.calendar.boundary;
