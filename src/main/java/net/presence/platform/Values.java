package net.presence.platform;

import java.util.function.Function;
import net.presence.problems.ApiProblem;
import net.presence.values.InvalidValueException;

/** Query and path parameters: a value that breaks its rule is a 400 naming the parameter. */
public final class Values {

    private Values() {
    }

    /** Null when the parameter is absent or empty (an empty optional parameter counts as absent). */
    public static <T> T optional(String name, String text, Function<String, T> parser) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return parse(name, text, parser);
    }

    public static <T> T required(String name, String text, Function<String, T> parser) {
        if (text == null || text.isEmpty()) {
            throw ApiProblem.badRequest("Parameter '" + name + "' is required");
        }
        return parse(name, text, parser);
    }

    /**
     * A parameter with a default when absent; given empty it is a 400, like any other bad value
     * (only optional filters count empty as absent).
     */
    public static <T> T defaulted(String name, String text, String fallback, Function<String, T> parser) {
        return parse(name, text == null ? fallback : text, parser);
    }

    public static <T> T parse(String name, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            throw ApiProblem.badRequest("Parameter '" + name + "' is invalid (" + quote(text) + "): expected " + e.getMessage());
        }
    }

    /** A whole number within bounds, or the default when absent. */
    public static int number(String name, String text, int fallback, int min, int max) {
        Integer value = optional(name, text, t -> {
            try {
                int n = Integer.parseInt(t);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidValueException("a whole number from " + min + " to " + max);
        });
        return value == null ? fallback : value;
    }

    /** A client's value, quoted and cut short, for an error message. */
    static String quote(String text) {
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }
}
