package net.presence.sessions.boundary;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The lines of an NDJSON upload, read one at a time so that memory stays flat whatever the size
 * of the upload. A line longer than the limit is not kept whole: it is reported as too long.
 */
final class ImportLines {

    static final int MAX_LINE = 64 * 1024;
    static final String TOO_LONG = "\u0000too long";

    private final Reader in;
    private final StringBuilder line = new StringBuilder(256);
    private long number;

    ImportLines(Reader in) {
        this.in = in;
    }

    /** The next line without its end, {@link #TOO_LONG} for an overlong one, or null at the end. */
    String next() {
        line.setLength(0);
        boolean overlong = false;
        try {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            while (c >= 0 && c != '\n') {
                if (line.length() < MAX_LINE) {
                    line.append((char) c);
                } else {
                    overlong = true;
                }
                c = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        number++;
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return overlong ? TOO_LONG : line.toString();
    }

    /** The number of the line last returned, from 1. */
    long number() {
        return number;
    }
}
