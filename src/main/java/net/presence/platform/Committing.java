package net.presence.platform;

/**
 * Fired by {@link Transactions} when a write's work is done and its transaction is about to commit:
 * the last moment at which something can still be written in the same transaction (the live
 * stream's PostgreSQL notifications, which are delivered only if the transaction commits).
 */
public record Committing() {
}
