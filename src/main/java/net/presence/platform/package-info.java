/**
 * What every component stands on: the JAX-RS application at /sessions, settings from the
 * environment, the embedded database, transactions that are run again after a passing conflict,
 * JSON in (collecting every problem) and out (streamed), and request-size limits.
 */
package net.presence.platform;
