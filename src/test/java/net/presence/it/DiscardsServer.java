package net.presence.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link DeployedWar} test class that leaves its server in a state no later class may meet (it
 * stopped the database under the server's connection pool, say): the Payara Micro it ran on stops
 * after it, and the next class starts a fresh one ({@link SharedPayaraMicro}). Costs a server start;
 * only for a test that cannot put back what it changed. On WildFly, which deploys the WAR anew for
 * every class, it changes nothing.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface DiscardsServer {
}
