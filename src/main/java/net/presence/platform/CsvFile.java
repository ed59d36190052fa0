package net.presence.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a listing needs besides its JSON to answer CSV: the route's name for the file, the rows'
 * columns (the JSON field names, flattened as {@link CsvRows} does), and the answer's top-level
 * fields, which CSV has no place for and which travel as {@code X-<Field>} headers instead
 * ({@code timezone} as {@code X-Timezone}).
 */
public record CsvFile(String route, List<String> columns, Map<String, String> fields) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public CsvFile {
        columns = List.copyOf(columns);
        fields = Map.copyOf(fields);
    }

    public static CsvFile of(String route, List<String> columns) {
        return new CsvFile(route, columns, Map.of());
    }

    /** A top-level field of the JSON answer, as a header of the CSV one. */
    public CsvFile field(String name, Object value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, String.valueOf(value));
        return new CsvFile(route, columns, more);
    }

    /** {@code sessions-list-20250801T100000Z.csv}: the route and the moment of the export, in UTC. */
    public String fileName(Instant now) {
        return "sessions-" + route + "-" + STAMP.format(now) + ".csv";
    }

    static String headerName(String field) {
        StringBuilder name = new StringBuilder("X-");
        boolean upper = true;
        for (char c : field.toCharArray()) {
            if (c == '_' || c == '-') {
                name.append('-');
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
