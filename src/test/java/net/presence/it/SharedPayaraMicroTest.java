package net.presence.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When SharedPayaraMicro really starts and stops a server, without one: an adapter that only
 * records its calls and "listens" on a loopback socket of the test's.
 */
class SharedPayaraMicroTest {

    /** Payara's adapter as the wrapper sees it: a deploy is a server start, an undeploy its stop. */
    static final class Recorder implements DeployableContainer<ContainerConfiguration> {
        final List<String> calls = new ArrayList<>();
        final List<ServerSocket> servers = new ArrayList<>();

        @Override
        public Class<ContainerConfiguration> getConfigurationClass() {
            return ContainerConfiguration.class;
        }

        @Override
        public ProtocolDescription getDefaultProtocol() {
            return new ProtocolDescription("Servlet 5.0");
        }

        @Override
        public ProtocolMetaData deploy(Archive<?> archive) {
            calls.add("start " + archive.getName());
            try {
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                servers.add(server);
                return new ProtocolMetaData().addContext(new HTTPContext("127.0.0.1", server.getLocalPort()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void undeploy(Archive<?> archive) {
            calls.add("stop " + archive.getName());
        }

        @Override
        public void stop() {
            calls.add("container stop");
        }

        void die() throws IOException {
            servers.get(servers.size() - 1).close();
        }
    }

    static class PlainIT {
    }

    @DiscardsServer
    static class SpoilingIT {
    }

    final Recorder adapter = new Recorder();
    final SharedPayaraMicro.Container container = new SharedPayaraMicro.Container(adapter);
    TestClass current = new TestClass(PlainIT.class);

    SharedPayaraMicroTest() {
        container.testClass = () -> current;
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (ServerSocket server : adapter.servers) {
            server.close();
        }
    }

    static WebArchive war() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void theSameArchiveIsStartedOnceAndStoppedWithTheContainer() throws Exception {
        ProtocolMetaData first = container.deploy(war());
        container.undeploy(war());
        ProtocolMetaData second = container.deploy(war());
        container.undeploy(war());
        assertSame(first, second, "the second class gets the first one's server and URL");
        assertEquals(List.of("start ROOT.war"), adapter.calls);

        container.stop();
        assertEquals(List.of("start ROOT.war", "stop ROOT.war", "container stop"), adapter.calls);
    }

    @Test
    void anotherArchiveGetsAServerOfItsOwn() throws Exception {
        container.deploy(war());
        container.deploy(war().addAsWebInfResource(EmptyAsset.INSTANCE, "other.xml"));
        assertEquals(List.of("start ROOT.war", "stop ROOT.war", "start ROOT.war"), adapter.calls);
    }

    @Test
    void aServerADiscardingClassRanOnStopsAfterItAndTheNextClassStartsAFreshOne() throws Exception {
        container.deploy(war());
        container.undeploy(war());

        current = new TestClass(SpoilingIT.class);
        container.deploy(war());
        assertEquals(List.of("start ROOT.war"), adapter.calls, "it runs on the shared server");
        container.undeploy(war());
        assertEquals(List.of("start ROOT.war", "stop ROOT.war"), adapter.calls, "which does not outlive it");

        current = new TestClass(PlainIT.class);
        container.deploy(war());
        container.undeploy(war());
        container.stop();
        assertEquals(List.of("start ROOT.war", "stop ROOT.war", "start ROOT.war", "stop ROOT.war", "container stop"), adapter.calls);
    }

    @Test
    void aDiscardingClassFirstStartsItsServerAndStopsItAfter() throws Exception {
        current = new TestClass(SpoilingIT.class);
        container.deploy(war());
        container.undeploy(war());
        current = new TestClass(PlainIT.class);
        container.deploy(war());
        assertEquals(List.of("start ROOT.war", "stop ROOT.war", "start ROOT.war"), adapter.calls);
    }

    @Test
    void aSharedServerThatDiedIsStartedAgain() throws Exception {
        ProtocolMetaData first = container.deploy(war());
        container.undeploy(war());
        adapter.die();
        ProtocolMetaData second = container.deploy(war());
        assertEquals(List.of("start ROOT.war", "stop ROOT.war", "start ROOT.war"), adapter.calls);
        assertEquals(adapter.servers.get(1).getLocalPort(), second.getContexts(HTTPContext.class).iterator().next().getPort());
        assertNotSame(first, second);
    }
}
