package net.presence.platform;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: cells separated by commas, rows ended by CRLF, a cell quoted when it holds a quote,
 * a comma, a CR or an LF (quotes doubled inside). Two more rules of our own: an empty string is
 * written {@code ""} so that it stays apart from a missing value (nothing between the commas), and a
 * cell that a spreadsheet would run as a formula (one starting with {@code =}, {@code +}, {@code -}
 * or {@code @}) is written quoted behind a {@code '}, so that opening an export never runs what a
 * device or a client put into a field. Writes straight through to the writer it is given; holds no
 * row.
 */
public final class CsvWriter implements Closeable, Flushable {

    public static final String CRLF = "\r\n";

    private final Writer out;
    private boolean inRow;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** One cell of the current row; null is a missing value. */
    public CsvWriter cell(String value) {
        try {
            if (inRow) {
                out.write(',');
            }
            inRow = true;
            if (value != null) {
                writeCell(value);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CsvWriter endRow() {
        try {
            out.write(CRLF);
            inRow = false;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CsvWriter row(List<String> cells) {
        cells.forEach(this::cell);
        return endRow();
    }

    /** A cell as this writer writes it, for tests and messages. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(value.length() + 3);
        boolean formula = isFormula(value);
        if (formula || value.isEmpty() || needsQuotes(value)) {
            text.append('"');
            if (formula) {
                text.append('\'');
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    text.append('"');
                }
                text.append(c);
            }
            return text.append('"').toString();
        }
        return value;
    }

    private void writeCell(String value) throws IOException {
        if (isFormula(value) || value.isEmpty() || needsQuotes(value)) {
            out.write(escape(value));
        } else {
            out.write(value);
        }
    }

    static boolean isFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == ',' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
