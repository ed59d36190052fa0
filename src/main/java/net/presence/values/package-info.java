/**
 * The value kit at the bottom of the house: MACs, IPs, date and time input, periods, zones and
 * every display format of the contract, as plain classes without a container, each unit-tested on
 * its own. A value that breaks its rule raises {@link net.presence.values.InvalidValueException}
 * saying what is accepted; the boundary that read it adds which parameter or field it was. Nothing
 * here imports any other package of the service.
 */
package net.presence.values;
