package net.presence.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import net.presence.problems.ApiProblem;

/**
 * Refuses bodies over the method's {@link BodyLimit} with 413: at once when Content-Length says so,
 * else as soon as a chunked body passes the limit while it is read. Every JSON body, streamed ones
 * included, is also refused with 400 once it nests deeper than {@link #MAX_DEPTH}: the JSON
 * parser's own limit ends in an unchecked exception, and no request of the API nests beyond 3.
 */
@Provider
public class BodyLimitFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        BodyLimit annotation = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(BodyLimit.class);
        long limit = annotation == null ? BodyLimit.DEFAULT : annotation.value();
        List<String> lengths = request.getHeaders().get(HttpHeaders.CONTENT_LENGTH);
        if (lengths != null && (lengths.size() > 1 || lengths.get(0).contains(","))) {
            // Jersey would fail on it later with an unchecked exception, even for two equal values
            throw ApiProblem.badRequest("The request has more than one Content-Length header: send exactly one");
        }
        if (limit != BodyLimit.NONE && declaredLength(request) > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit, isJson(request.getMediaType())));
    }

    /**
     * Every body is followed for its JSON nesting, whatever it claims to be, except one that says it
     * is a binary file (the reference scanner's database), whose bytes mean nothing as brackets.
     */
    private static boolean isJson(MediaType type) {
        return type == null || !BINARY.contains(type.getType() + "/" + type.getSubtype().toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> BINARY = java.util.Set.of(
            "application/octet-stream", "application/vnd.sqlite3", "application/x-sqlite3");

    /** Deeper than any request of the API, far below the depth at which a parser's stack is at risk. */
    static final int MAX_DEPTH = 32;

    /**
     * The Content-Length header as a long: {@code getLength()} is an int and answers -1 for anything
     * over 2 GiB, which would let a declared 3 GiB body start streaming before it is refused.
     */
    private static long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the container refuses a malformed length itself
        }
    }

    private static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "The request body is larger than this endpoint's limit of " + size(limit));
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? bytes / (1L << 30) + " GiB"
                : bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? bytes / (1L << 20) + " MiB" : bytes / 1024 + " KiB";
    }

    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;
        private int depth;
        private boolean inString;
        private boolean escaped;

        private final boolean json;

        Limited(InputStream in, long limit, boolean json) {
            super(in);
            this.limit = limit;
            this.json = json;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            if (b >= 0 && json) {
                nest(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            for (int i = 0; json && i < n; i++) {
                nest(buffer[offset + i]);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (limit != BodyLimit.NONE && read > limit) {
                throw tooLarge(limit);
            }
        }

        /**
         * Follows brackets outside strings, byte by byte (the bytes of JSON's structure are ASCII in
         * every encoding a client may send). A line break ends any string, as JSON strings cannot hold
         * one: one broken NDJSON line does not hide the nesting of the next.
         */
        private void nest(int b) {
            if (b == '\n') {
                inString = false;
                escaped = false;
            } else if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > MAX_DEPTH) {
                    throw ApiProblem.badRequest("The request body's JSON nests deeper than " + MAX_DEPTH
                            + " levels: no request of this API needs more than 3");
                }
            } else if ((b == ']' || b == '}') && depth > 0) {
                depth--;
            }
        }
    }
}
