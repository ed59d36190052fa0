package net.presence.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import net.presence.security.Roles;

/**
 * The API lives under /sessions, not at the root, so that the Faces servlet keeps the page's
 * addresses ({@code /}, {@code *.xhtml}).
 */
@ApplicationPath("sessions")
@DeclareRoles({Roles.ADMIN, Roles.READ})
public class SessionsApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                // no generated WADL: OPTIONS and unknown routes must not describe the API
                "jersey.config.server.wadl.disableWadl", true,
                // error statuses are written as responses, never through sendError's HTML page
                "jersey.config.servlet.response.setStatusOverSendError", true);
    }
}
