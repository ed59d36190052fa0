package net.presence.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests the security mechanism answers itself (a 401, 403 or 429, a redirect to the login page)
 * never reach the servlet filters, so the request log could not see them. The mechanism reports them
 * here and the request log listens, so the access log and the metrics hold one line per request,
 * refused or not. A hook in this low layer because the security package may not know the one above.
 */
public final class Refusals {

    /** What listens: the request, its answer as sent, and how long the refusal took. */
    @FunctionalInterface
    public interface Listener {
        void refused(HttpServletRequest request, HttpServletResponse response, long nanos);
    }

    private static volatile Listener listener = (request, response, nanos) -> { };

    private Refusals() {
    }

    public static void listen(Listener refused) {
        listener = refused;
    }

    public static void report(HttpServletRequest request, HttpServletResponse response, long nanos) {
        listener.refused(request, response, nanos);
    }
}
