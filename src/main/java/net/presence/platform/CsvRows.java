package net.presence.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerationException;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON generator that writes CSV: a route's listing, written by the same code that writes its JSON,
 * comes out as one CSV row per object of the answer's first top-level array, in the same order, as
 * it is written. The header row is the declared columns, the JSON field names; a nested object's
 * fields are columns named {@code outer.inner}, an array's elements {@code outer.0}, {@code outer.1}.
 * Everything else at the top level (timezone, total, a second array or an object) is not part of the
 * rows and is left out; a route that wants it in the CSV answer sends it as a response header.
 * Only one row is held at a time.
 */
public final class CsvRows implements JsonGenerator {

    private enum Frame { ROOT, SKIPPED, ROWS, ROW, NESTED_OBJECT, NESTED_ARRAY }

    private final CsvWriter csv;
    private final List<String> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final String[] row;
    private final Deque<Frame> frames = new ArrayDeque<>();
    /** Column-name prefixes of the nested objects and arrays open in the current row. */
    private final Deque<String> prefixes = new ArrayDeque<>();
    /** Next element index of each open nested array. */
    private final Deque<int[]> indexes = new ArrayDeque<>();
    private boolean rowsSeen;
    private boolean headerWritten;
    private String pendingKey;

    public CsvRows(CsvWriter csv, List<String> columns) {
        this.csv = csv;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            positions.put(this.columns.get(i), i);
        }
        this.row = new String[this.columns.size()];
    }

    private Frame frame() {
        return frames.peek();
    }

    private void header() {
        if (!headerWritten) {
            headerWritten = true;
            csv.row(columns);
        }
    }

    private String name(String key) {
        String prefix = prefixes.isEmpty() ? "" : prefixes.peek();
        if (key != null) {
            return prefix + key;
        }
        if (frame() == Frame.NESTED_ARRAY) {
            return prefix + indexes.peek()[0]++;
        }
        throw new JsonGenerationException("A value in a CSV row needs a name");
    }

    /** Opens an object or array; {@code key} is its field name, null inside an array. */
    private JsonGenerator open(String key, boolean object) {
        String named = key != null ? key : pendingKey;
        pendingKey = null;
        Frame current = frame();
        if (current == null) {
            if (!object) {
                throw new JsonGenerationException("A listing is a JSON object");
            }
            frames.push(Frame.ROOT);
        } else if (current == Frame.SKIPPED) {
            frames.push(Frame.SKIPPED);
        } else if (current == Frame.ROOT) {
            if (!object && !rowsSeen) {
                rowsSeen = true;
                header();
                frames.push(Frame.ROWS);
            } else {
                frames.push(Frame.SKIPPED);
            }
        } else if (current == Frame.ROWS) {
            if (!object) {
                throw new JsonGenerationException("A CSV row is a JSON object");
            }
            Arrays.fill(row, null);
            frames.push(Frame.ROW);
        } else {
            String prefix = name(named) + ".";
            prefixes.push(prefix);
            if (object) {
                frames.push(Frame.NESTED_OBJECT);
            } else {
                indexes.push(new int[1]);
                frames.push(Frame.NESTED_ARRAY);
            }
        }
        return this;
    }

    private JsonGenerator value(String key, String text) {
        String named = key != null ? key : pendingKey;
        pendingKey = null;
        Frame current = frame();
        if (current == Frame.ROW || current == Frame.NESTED_OBJECT || current == Frame.NESTED_ARRAY) {
            String column = name(named);
            Integer position = positions.get(column);
            if (position == null) {
                throw new JsonGenerationException("Field '" + column + "' is not one of the CSV columns " + columns);
            }
            row[position] = text;
        } else if (current == Frame.ROWS) {
            throw new JsonGenerationException("A CSV row is a JSON object");
        }
        // top-level fields and skipped parts are not rows
        return this;
    }

    @Override
    public JsonGenerator writeEnd() {
        Frame closed = frames.pop();
        if (closed == Frame.ROW) {
            for (String cell : row) {
                csv.cell(cell);
            }
            csv.endRow();
        } else if (closed == Frame.NESTED_OBJECT) {
            prefixes.pop();
        } else if (closed == Frame.NESTED_ARRAY) {
            prefixes.pop();
            indexes.pop();
        }
        return this;
    }

    @Override
    public JsonGenerator writeStartObject() {
        return open(null, true);
    }

    @Override
    public JsonGenerator writeStartObject(String name) {
        return open(name, true);
    }

    @Override
    public JsonGenerator writeKey(String name) {
        pendingKey = name;
        return this;
    }

    @Override
    public JsonGenerator writeStartArray() {
        return open(null, false);
    }

    @Override
    public JsonGenerator writeStartArray(String name) {
        return open(name, false);
    }

    @Override
    public JsonGenerator write(String name, JsonValue value) {
        return json(name, value);
    }

    @Override
    public JsonGenerator write(String name, String value) {
        return value(name, value);
    }

    @Override
    public JsonGenerator write(String name, BigInteger value) {
        return value(name, value.toString());
    }

    @Override
    public JsonGenerator write(String name, BigDecimal value) {
        return value(name, value.toString());
    }

    @Override
    public JsonGenerator write(String name, int value) {
        return value(name, Integer.toString(value));
    }

    @Override
    public JsonGenerator write(String name, long value) {
        return value(name, Long.toString(value));
    }

    @Override
    public JsonGenerator write(String name, double value) {
        return value(name, String.valueOf(value));
    }

    @Override
    public JsonGenerator write(String name, boolean value) {
        return value(name, Boolean.toString(value));
    }

    @Override
    public JsonGenerator writeNull(String name) {
        return value(name, null);
    }

    @Override
    public JsonGenerator write(JsonValue value) {
        return json(null, value);
    }

    @Override
    public JsonGenerator write(String value) {
        return value(null, value);
    }

    @Override
    public JsonGenerator write(BigDecimal value) {
        return value(null, value.toString());
    }

    @Override
    public JsonGenerator write(BigInteger value) {
        return value(null, value.toString());
    }

    @Override
    public JsonGenerator write(int value) {
        return value(null, Integer.toString(value));
    }

    @Override
    public JsonGenerator write(long value) {
        return value(null, Long.toString(value));
    }

    @Override
    public JsonGenerator write(double value) {
        return value(null, String.valueOf(value));
    }

    @Override
    public JsonGenerator write(boolean value) {
        return value(null, Boolean.toString(value));
    }

    @Override
    public JsonGenerator writeNull() {
        return value(null, null);
    }

    private JsonGenerator json(String name, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                open(name, true);
                ((JsonObject) value).forEach(this::json);
                return writeEnd();
            }
            case ARRAY -> {
                open(name, false);
                ((JsonArray) value).forEach(element -> json(null, element));
                return writeEnd();
            }
            case STRING -> {
                return value(name, ((JsonString) value).getString());
            }
            case NUMBER -> {
                return value(name, ((JsonNumber) value).toString());
            }
            case TRUE -> {
                return value(name, "true");
            }
            case FALSE -> {
                return value(name, "false");
            }
            default -> {
                return value(name, null);
            }
        }
    }

    /** Ends the CSV; a listing that wrote no rows array still gets its header row. */
    @Override
    public void close() {
        header();
        csv.close();
    }

    @Override
    public void flush() {
        csv.flush();
    }
}
