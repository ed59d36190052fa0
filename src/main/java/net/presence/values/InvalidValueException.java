package net.presence.values;

/**
 * A value from a client that does not follow its rule. The message says what is accepted, but not
 * which parameter or field the value came from: the boundary knows that and adds it.
 */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String expected) {
        super(expected);
    }
}
