package net.presence.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import net.presence.problems.ErrorBody;

/**
 * Until the database answers and its schema is up to date (Migrations), every API request gets a
 * JSON 503 with Retry-After instead of an error from deep inside. Authentication has already
 * happened: without a token the answer is still 401.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class DatabaseGate implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!Migrations.ready()) {
            request.abortWith(Response.status(503)
                    .header("Retry-After", Migrations.RETRY.toSeconds())
                    .type(ErrorBody.MEDIA_TYPE)
                    .entity(ErrorBody.of(503, "The database cannot be reached at the moment; try again shortly").toJson())
                    .build());
        }
    }
}
