/**
 * The value rules of the contract (MACs, IPs, times, periods, durations, overlaps) as plain
 * classes without a container, so that each rule is unit-tested on its own. A value that breaks a
 * rule raises {@link net.presence.sessions.control.InvalidValueException} saying what is accepted;
 * the boundary adds which parameter or field it was.
 */
package net.presence.sessions.control;
