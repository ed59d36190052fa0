package net.presence.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The most bytes a resource method reads from a request body; without it, {@link #DEFAULT}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    long DEFAULT = 64 * 1024;

    /** No limit: the method streams its body. */
    long NONE = -1;

    long value();
}
