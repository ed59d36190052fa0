package net.presence.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import net.presence.problems.ApiProblem;

/**
 * Refuses bodies over the method's {@link BodyLimit} with 413: at once when Content-Length says so,
 * else as soon as a chunked body passes the limit while it is read.
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
        if (limit == BodyLimit.NONE) {
            return;
        }
        if (declaredLength(request) > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

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

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
