/**
 * The sessions' API. Resources translate HTTP and nothing else; the {@code @Stateless} facades
 * ({@link net.presence.sessions.boundary.Sessions}, {@link net.presence.sessions.boundary.Summaries},
 * {@link net.presence.sessions.boundary.Imports}, {@link net.presence.sessions.boundary.ReferenceImports})
 * are the transaction and role boundary. Every write goes through the
 * {@link net.presence.sessions.control.Ledger}, which locks the device rows first, so the no-overlap
 * rule holds in the database, not in one JVM.
 */
package net.presence.sessions.boundary;
