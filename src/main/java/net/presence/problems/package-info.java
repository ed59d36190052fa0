/**
 * The one JSON error shape. Exceptions become it in {@link net.presence.problems.ProblemMappers};
 * errors raised by the container outside JAX-RS (a 403 from a security constraint, say) reach
 * {@link net.presence.problems.ErrorPages} through web.xml, so no client sees an HTML error page.
 */
package net.presence.problems;
