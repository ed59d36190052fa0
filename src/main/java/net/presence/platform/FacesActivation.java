package net.presence.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/**
 * Puts Faces in its CDI mode, so that the pages' expressions find {@code @Named} beans and the
 * implicit objects through CDI. Without such a bean Faces 4 on Payara does not start it at all.
 */
@FacesConfig
@ApplicationScoped
public class FacesActivation {
}
