package net.presence.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests an HTTP client refuses to send: a lying or doubled
 * Content-Length, an empty Host, broken chunking, raw bytes in the request line. One request per
 * connection ({@code Connection: close} is the caller's business), the answer read to the end of the
 * stream. Loopback only.
 */
final class RawHttp {

    /** What came back; {@code status} is -1 when the server closed without a status line, -2 on a time-out. */
    record Answer(int status, List<String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : headers) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).strip();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    /** Sends {@link #from(String, byte[], byte[])} an address of the loopback network. */
    Answer from(String source, byte[] head, byte[] body) {
        return send(source, head, body);
    }

    RawHttp(String host, int port, int timeoutMillis) {
        if (!List.of("localhost", "127.0.0.1").contains(host)) {
            throw new IllegalStateException("Raw requests go to loopback only, not to " + host);
        }
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends head and body as given, then reads the answer until the server closes or the time-out. */
    Answer send(byte[] head, byte[] body) {
        return send(null, head, body);
    }

    /**
     * From a source address of the loopback network (127.0.0.0/8, all of it this machine's own), so
     * that the server sees many clients: its failed-login throttle counts per address.
     */
    private Answer send(String source, byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            if (source != null) {
                if (!source.startsWith("127.")) {
                    throw new IllegalStateException("Loopback sources only, not " + source);
                }
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                // the request is complete as far as this client goes; a lying Content-Length must not
                // leave the server waiting for bytes that never come, so say so
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may refuse and close before reading all of a large body; its answer still counts
            }
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Answer(-2, List.of(), new byte[0]);
        } catch (IOException e) {
            return new Answer(-1, List.of(), e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            if (all.size() == 0) {
                throw e;
            }
        } catch (IOException e) {
            // a reset after the answer was written: keep what arrived
            if (all.size() == 0) {
                return new Answer(-1, List.of(), new byte[0]);
            }
        }
        return parse(all.toByteArray());
    }

    static Answer parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            return new Answer(-1, List.of(), raw);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new Answer(-1, List.of(), raw);
        }
        if (status == 100 && raw.length > end + 4) {
            // an interim "100 Continue" (Undertow sends one for Expect: 100-continue): the answer follows it
            return parse(java.util.Arrays.copyOfRange(raw, end + 4, raw.length));
        }
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        Answer answer = new Answer(status, headers, body);
        if ("chunked".equalsIgnoreCase(answer.header("Transfer-Encoding"))) {
            body = dechunk(body);
        } else if (answer.header("Content-Length") != null) {
            int length = Integer.parseInt(answer.header("Content-Length"));
            body = java.util.Arrays.copyOf(body, Math.min(length, body.length));
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(length, body.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
