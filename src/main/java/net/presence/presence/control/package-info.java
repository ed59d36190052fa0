/**
 * The presence engine's rules, with no container in them: given what is known of a device (its
 * latest event, its last session) and one observation from a scanner, what happens. The boundary
 * loads that state under the device's lock and writes the decision back; keeping the decision pure
 * lets every row of docs/API.md §11 be a unit test.
 */
package net.presence.presence.control;
