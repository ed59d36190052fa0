/**
 * Sessions, events and devices as stored. Instants are epoch milliseconds (UTC) so no driver or JVM
 * zone can shift them; the display zone is applied only when an answer is written.
 */
package net.presence.sessions.entity;
