/**
 * The sessions' API. Resources translate HTTP and nothing else; the {@code @Stateless} facades
 * ({@link net.presence.sessions.boundary.Sessions}, {@link net.presence.sessions.boundary.Summaries},
 * {@link net.presence.sessions.boundary.Imports}) are the transaction and role boundary, and every
 * write of a device first locks that device's row ({@link net.presence.sessions.boundary.Devices}),
 * so the no-overlap rule holds in the database, not in one JVM.
 */
package net.presence.sessions.boundary;
