/**
 * The presence engine over HTTP: a scanner reports single observations or whole scans, and the
 * {@link net.presence.presence.boundary.Observations} facade has the
 * {@link net.presence.sessions.control.Ledger} apply the engine's decisions to the stored sessions
 * in place, in one transaction under the row locks of exactly the devices concerned, so that
 * concurrent reports never overlap or duplicate a session.
 */
package net.presence.presence.boundary;
