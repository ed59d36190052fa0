/**
 * The presence engine over HTTP: a scanner reports single observations or whole scans, and the
 * {@link net.presence.presence.boundary.Observations} facade applies the engine's decisions to the
 * stored sessions in place, in one transaction under the devices' row locks (a whole scan takes the
 * device table), so that concurrent reports never overlap or duplicate a session.
 */
package net.presence.presence.boundary;
