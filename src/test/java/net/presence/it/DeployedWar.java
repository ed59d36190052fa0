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
 * What every integration test shares: the WAR exactly as Maven built it, deployed on Payara Micro
 * (one server per test class), and {@link #api}, a fresh loopback client for it before each test.
 * A test class says only what is special about it.
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
