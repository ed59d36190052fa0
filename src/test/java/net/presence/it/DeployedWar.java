package net.presence.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test shares: the WAR exactly as Maven built it, deployed on Payara Micro,
 * and {@link #api}, a fresh loopback client for it before each test. A test class says only what is
 * special about it.
 * <p>
 * One server serves every class of the suite (SharedPayaraMicro; on WildFly, one server with a
 * deployment per class), so a class meets what the classes before it left: their data (each test
 * uses MACs of its own, Api.randomMac), the counters in /metrics and the access log (asserted as
 * at least, or by what this class did), and the failed-login throttle's count for 127.0.0.1, which
 * every class's wrong tokens add to (a test that fails many logins does so from loopback addresses
 * of its own, RawHttp.from). A class that leaves the server unfit for the next is marked
 * {@link DiscardsServer}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedWar {

    @Deployment(testable = false)
    static WebArchive war() {
        return Api.war();
    }

    @ArquillianResource
    URL url;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(url);
    }
}
