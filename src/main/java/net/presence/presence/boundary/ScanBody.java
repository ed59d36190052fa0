package net.presence.presence.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.presence.presence.control.Scan;
import net.presence.problems.ApiProblem;
import net.presence.values.DeviceName;
import net.presence.values.InvalidValueException;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.sessions.control.SessionRules;
import net.presence.values.TimeInput;

/**
 * A scan report, {@code {"time"?, "devices": [{"mac", "ip"}...]}}, read as a stream: a report of
 * 100,000 devices never exists as one JSON tree, only one device object at a time. Every problem is
 * collected (the first {@link #MAX_DETAILS} are listed), so a scanner learns all of them at once.
 */
final class ScanBody {

    static final int MAX_DETAILS = 100;
    /** Made once: {@code Json.createParser} looks the JSON-P provider up anew on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final ZoneId zone;
    private final Instant now;
    private final List<ApiProblem.Detail> problems = new ArrayList<>();
    private final Map<MacAddress, String> names = new HashMap<>();
    private int problemCount;

    private ScanBody(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    /** The scan, with canonical MACs and IPs and its time (now when absent); 400 or 422 when it is not one. */
    static Scan read(InputStream in, ZoneId zone, Instant now) {
        return new ScanBody(zone, now).read(in);
    }

    private Scan read(InputStream in) {
        try (JsonParser json = PARSERS.createParser(in)) {
            if (!json.hasNext()) {
                throw ApiProblem.badRequest("The request body is empty: expected a JSON object");
            }
            JsonParser.Event first = json.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw ApiProblem.unprocessable("The request body must be a JSON object with a 'devices' array");
            }
            Instant time = null;
            Map<MacAddress, IpAddress> devices = null;
            names.clear();
            for (JsonParser.Event event = json.next(); event != JsonParser.Event.END_OBJECT; event = json.next()) {
                String key = json.getString();
                event = json.next();
                switch (key) {
                    case "time" -> time = time(json, event);
                    case "devices" -> devices = devices(json, event);
                    default -> skip(json, event);
                }
            }
            if (json.hasNext()) {
                json.next();
                throw ApiProblem.badRequest("The request body has more after its JSON object: expected one JSON object");
            }
            if (devices == null && problems.stream().noneMatch(p -> p.field().equals("devices"))) {
                problem("devices", "Field 'devices' is required: a list of {\"mac\", \"ip\"} objects, empty when nothing was seen");
            }
            validate();
            return new Scan(time == null ? now : time, devices, Map.copyOf(names));
        } catch (JsonParsingException e) {
            throw ApiProblem.badRequest("The request body is not well-formed JSON (at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + "): expected a JSON object");
        } catch (JsonException e) {
            throw ApiProblem.badRequest("The request body is empty or not JSON: expected a JSON object");
        }
    }

    private Instant time(JsonParser json, JsonParser.Event event) {
        if (event == JsonParser.Event.VALUE_NULL) {
            return null;
        }
        if (event != JsonParser.Event.VALUE_STRING) {
            skip(json, event);
            problem("time", "Field 'time' must be a string: " + TimeInput.DATE_TIME_ACCEPTED);
            return null;
        }
        Instant time = parse("time", json.getString(), text -> TimeInput.dateTime(text, zone));
        if (time != null && SessionRules.isInFuture(time, now)) {
            problem("time", "Field 'time' is more than 5 minutes in the future");
            return null;
        }
        return time;
    }

    private Map<MacAddress, IpAddress> devices(JsonParser json, JsonParser.Event event) {
        if (event == JsonParser.Event.VALUE_NULL) {
            return null;
        }
        if (event != JsonParser.Event.START_ARRAY) {
            skip(json, event);
            problem("devices", "Field 'devices' must be an array of {\"mac\", \"ip\"} objects");
            return null;
        }
        Map<MacAddress, IpAddress> devices = new LinkedHashMap<>();
        Map<MacAddress, Integer> firstIndex = new HashMap<>();
        int index = 0;
        for (event = json.next(); event != JsonParser.Event.END_ARRAY; event = json.next(), index++) {
            String field = "devices[" + index + "]";
            if (index == Scan.MAX_DEVICES) {
                problem("devices", "Field 'devices' lists more than " + Scan.MAX_DEVICES + " devices: split the network into several scanners");
            }
            if (event != JsonParser.Event.START_OBJECT) {
                skip(json, event);
                problem(field, "Field '" + field + "' must be an object {\"mac\", \"ip\"}");
                continue;
            }
            JsonObject device = json.getObject();
            if (index >= Scan.MAX_DEVICES) {
                continue;
            }
            MacAddress mac = parse(field + ".mac", text(device, field + ".mac"), MacAddress::parse);
            IpAddress ip = parse(field + ".ip", text(device, field + ".ip"), IpAddress::parse);
            if (mac == null) {
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(mac, index);
            if (earlier != null) {
                problem(field + ".mac", "Field '" + field + ".mac' repeats MAC " + mac + " of devices[" + earlier
                        + "]: a scan lists each device once");
            } else if (ip != null) {
                devices.put(mac, ip);
                String name = name(device, field + ".name");
                if (name != null) {
                    names.put(mac, name);
                }
            }
        }
        return devices;
    }

    /** The optional name of a listed device: null when absent, null or blank; a problem when invalid. */
    private String name(JsonObject device, String field) {
        JsonValue value = device.get("name");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            problem(field, "Field '" + field + "' must be a string, not " + value.getValueType().toString().toLowerCase());
            return null;
        }
        return parse(field, string.getString(), DeviceName::observed);
    }

    /** The field's text; a problem (and null) when it is absent or not a string. */
    private String text(JsonObject device, String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        JsonValue value = device.get(name);
        if (value == null || value == JsonValue.NULL) {
            problem(field, "Field '" + field + "' is required");
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        problem(field, "Field '" + field + "' must be a string, not " + value.getValueType().toString().toLowerCase());
        return null;
    }

    private <T> T parse(String field, String text, Function<String, T> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            String quoted = text.length() > 60 ? text.substring(0, 60) + "…" : text;
            problem(field, "Field '" + field + "' is invalid ('" + quoted + "'): expected " + e.getMessage());
            return null;
        }
    }

    private static void skip(JsonParser json, JsonParser.Event event) {
        if (event == JsonParser.Event.START_OBJECT) {
            json.skipObject();
        } else if (event == JsonParser.Event.START_ARRAY) {
            json.skipArray();
        }
    }

    private void problem(String field, String message) {
        problemCount++;
        if (problems.size() < MAX_DETAILS) {
            problems.add(new ApiProblem.Detail(field, message));
        }
    }

    private void validate() {
        if (problemCount == 0) {
            return;
        }
        String message = problemCount == 1 ? problems.get(0).message()
                : problems.get(0).message() + " (and " + (problemCount - 1) + " more problem" + (problemCount > 2 ? "s" : "")
                        + (problemCount > MAX_DETAILS ? ", the first " + MAX_DETAILS + " in details)" : ", see details)");
        throw new ApiProblem(422, message, problems);
    }
}
