package net.presence.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The API lives under /sessions, not at the root, so that the Faces servlet keeps the page's
 * addresses ({@code /}, {@code *.xhtml}). The roles are declared in web.xml, beside the constraints
 * that use them.
 */
@ApplicationPath("sessions")
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
