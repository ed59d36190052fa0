/**
 * The rules of sessions, with no container in them: what a new session may look like, how spans
 * collide, which summaries exist. Plain classes, so that every rule is a unit test.
 */
package net.presence.sessions.control;
