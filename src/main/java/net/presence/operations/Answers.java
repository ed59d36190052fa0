package net.presence.operations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.presence.problems.ErrorBody;

/** What the operations servlets answer alike: the API's JSON errors, and GET or HEAD only. */
final class Answers {

    private Answers() {
    }

    /** False, after a JSON 405 with Allow, for any method but GET and HEAD. */
    static boolean readOnly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return true;
        }
        response.setHeader("Allow", "GET, HEAD");
        error(response, 405, "Method " + clip(method) + " is not allowed here: use GET");
        return false;
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(ErrorBody.MEDIA_TYPE);
        response.getWriter().write(ErrorBody.of(status, message).toJson());
    }

    /** A client's text in a message, never longer than a line. */
    static String clip(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
