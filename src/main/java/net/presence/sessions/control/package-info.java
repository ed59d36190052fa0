/**
 * The rules of sessions and the one component that writes them. Plain classes hold the rules with
 * no container in them (what a new session may look like, how an import tracks its lines, which
 * summaries exist), so every rule is a unit test. The {@link net.presence.sessions.control.Ledger}
 * is the only code that changes sessions, events and devices; it runs inside the facades'
 * transactions and takes the device locks.
 */
package net.presence.sessions.control;
