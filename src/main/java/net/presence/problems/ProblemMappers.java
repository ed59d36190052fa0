package net.presence.problems;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into the one JSON error shape. Anything unforeseen
 * is a 500 whose detail goes to the log only: clients never see a stack trace.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof ApiProblem problem) {
            return respond(problem.status(), problem.getMessage(), problem);
        }
        if (cause instanceof EJBAccessException) {
            return respond(403, "This token may only read: writing needs an admin token", null);
        }
        if (cause instanceof NotAllowedException notAllowed) {
            String allowed = notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return Response.fromResponse(respond(405, "Method " + request.getMethod() + " is not allowed on "
                    + uri.getRequestUri().getRawPath() + "; allowed: " + allowed, null))
                    .header(HttpHeaders.ALLOW, allowed)
                    .build();
        }
        if (unreadable(cause)) {
            // the client's body ended early or broke its chunking: its mistake, not the server's failure
            return respond(400, "The request body could not be read to its end: it is shorter than announced or badly chunked", null);
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return respond(status, messageFor(status), null);
        }
        LOG.log(Level.SEVERE, "Unexpected failure of " + request.getMethod() + " " + uri.getPath(), cause);
        return respond(500, "The server failed to handle the request; the failure is in its log", null);
    }

    private String messageFor(int status) {
        String path = uri.getRequestUri().getRawPath();
        return switch (status) {
            case 404 -> "No such route: " + request.getMethod() + " " + path;
            case 406 -> "The API answers in JSON (application/json), and its listings also in CSV (text/csv)";
            case 415 -> "The request body must be JSON: send Content-Type: application/json";
            default -> "The request to " + path + " failed with status " + status;
        };
    }

    private static Response respond(int status, String message, ApiProblem problem) {
        return Response.status(status, ErrorBody.category(status))
                .type(ErrorBody.MEDIA_TYPE)
                .entity(problem == null ? ErrorBody.of(status, message) : ErrorBody.of(status, message, problem.details()))
                .build();
    }

    private static boolean unreadable(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof EJBException && !(cause instanceof EJBAccessException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
