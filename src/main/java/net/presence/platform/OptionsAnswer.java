package net.presence.platform;

import jakarta.json.Json;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import net.presence.problems.ErrorBody;

/**
 * Jersey answers OPTIONS itself, in plain text. The API answers only in JSON, so the same list of
 * methods goes out as {@code {"success": true, "allow": [...]}} beside the Allow header.
 */
@Provider
public class OptionsAnswer implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String allow = response.getHeaderString(HttpHeaders.ALLOW);
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() != 200 || allow == null) {
            return;
        }
        var methods = Json.createArrayBuilder();
        for (String method : allow.split(",")) {
            methods.add(method.strip());
        }
        response.setEntity(Json.createObjectBuilder().add("success", true).add("allow", methods).build(), null,
                jakarta.ws.rs.core.MediaType.valueOf(ErrorBody.MEDIA_TYPE));
    }
}
