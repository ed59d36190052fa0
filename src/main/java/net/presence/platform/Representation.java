package net.presence.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import net.presence.values.InvalidValueException;

/**
 * JSON or CSV, for a listing route that answers both: {@code format=json|csv} (any case) decides
 * when given; otherwise the most wanted of the two in {@code Accept}, JSON when both are equally
 * welcome ({@code *}{@code /*}) or nothing is said. A route that answers CSV declares
 * {@code @Produces({MediaType.APPLICATION_JSON, Representation.CSV})}, so that an {@code Accept}
 * naming neither is the JSON 406 before the method runs.
 */
public enum Representation {
    JSON, CSV;

    /** The media type of CSV answers. */
    public static final String CSV_TYPE = "text/csv";
    public static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final MediaType CSV_MEDIA = MediaType.valueOf(CSV_TYPE);

    /** Given empty it is a 400, like any enumerated parameter (docs/API.md §1). */
    public static Representation of(String format, HttpHeaders headers) {
        if (format != null) {
            return Values.parse("format", format, Representation::parse);
        }
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            if (wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return JSON;
            }
            if (wanted.isCompatible(CSV_MEDIA)) {
                return CSV;
            }
        }
        return JSON;
    }

    static Representation parse(String text) {
        for (Representation representation : values()) {
            if (representation.name().equalsIgnoreCase(text.strip())) {
                return representation;
            }
        }
        throw new InvalidValueException("json or csv");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
