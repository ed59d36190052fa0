package net.presence.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.ConfigurationMapper;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * One Payara Micro for the whole IT suite instead of one per test class.
 * <p>
 * Payara's Arquillian adapter (arquillian-payara-micro-managed) has no server to deploy into: its
 * deploy starts a new Micro JVM with the archive, its undeploy kills it, and its start and stop do
 * nothing. So every class that extends {@link DeployedWar} paid a server start (about 35 s) although
 * they all deploy the same WAR. This extension (registered in META-INF/services) puts the adapter
 * behind {@link Container}: the first deploy of an archive really starts Micro, a later deploy of the
 * same archive gets the same server and URL back, a class's undeploy keeps it, and it stops when
 * Arquillian stops the container after the last class (or, should that never come, the adapter's
 * own JVM shutdown hook kills it). Arquillian, its JUnit 5 extension and the adapter stay as they
 * are; only the point at which the adapter's deploy and undeploy run moves. A WildFly run, which
 * has no Payara adapter on its class path, is left alone: its managed container already starts the
 * server once and deploys per class.
 * <p>
 * After a class marked {@link DiscardsServer} the server stops, and the next class starts a fresh
 * one. A shared server that no longer takes connections (it died) is started again rather than
 * handed to the next class.
 */
public class SharedPayaraMicro implements LoadableExtension {

    static final String ADAPTER = "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void register(ExtensionBuilder builder) {
        Class adapter;
        try {
            adapter = Class.forName(ADAPTER, false, SharedPayaraMicro.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return; // another server's adapter (WildFly): nothing to share
        }
        builder.override(DeployableContainer.class, adapter, Container.class);
    }

    /** The adapter's container, deploying once per archive for the whole suite. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static class Container implements DeployableContainer<ContainerConfiguration> {

        private static final Logger LOG = Logger.getLogger(SharedPayaraMicro.class.getName());

        /** The class being deployed; Arquillian fills it in its class context, around each class. */
        @Inject
        Instance<TestClass> testClass;

        private final DeployableContainer adapter;
        /** What runs now: the archive, its key, its answer, and whether later classes may share it. */
        private Archive<?> running;
        private String runningKey;
        private ProtocolMetaData runningAnswer;
        private boolean runningShared;

        public Container() {
            this(adapter());
        }

        Container(DeployableContainer adapter) {
            this.adapter = adapter;
        }

        private static DeployableContainer adapter() {
            try {
                return (DeployableContainer) Class.forName(ADAPTER).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Payara Micro's Arquillian adapter cannot be made", e);
            }
        }

        @Override
        public Class<ContainerConfiguration> getConfigurationClass() {
            return adapter.getConfigurationClass();
        }

        @Override
        public ConfigurationMapper<ContainerConfiguration> getConfigurationMapper() {
            return adapter.getConfigurationMapper();
        }

        @Override
        public void setup(ContainerConfiguration configuration) {
            adapter.setup(configuration);
        }

        @Override
        public void start() throws LifecycleException {
            adapter.start();
        }

        @Override
        public ProtocolDescription getDefaultProtocol() {
            return adapter.getDefaultProtocol();
        }

        @Override
        public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
            String key = key(archive);
            boolean discards = discardsServer();
            if (running != null && runningShared && key.equals(runningKey)) {
                if (answers(runningAnswer)) {
                    LOG.info(() -> "Payara Micro already serves " + archive.getName() + " for " + className() + ": reused");
                    runningShared = !discards;
                    return runningAnswer;
                }
                LOG.warning(() -> "The shared Payara Micro no longer answers; starting another for " + className());
            }
            stopRunning();
            ProtocolMetaData answer = adapter.deploy(archive);
            running = archive;
            runningKey = key;
            runningAnswer = answer;
            runningShared = !discards;
            return answer;
        }

        @Override
        public synchronized void undeploy(Archive<?> archive) throws DeploymentException {
            if (running != null && !runningShared) {
                // the class left the server in a state no later class may meet
                stopRunning();
            }
        }

        @Override
        public synchronized void stop() throws LifecycleException {
            try {
                stopRunning();
            } catch (DeploymentException e) {
                throw new LifecycleException("Payara Micro did not stop", e);
            }
            adapter.stop();
        }

        @Override
        public void deploy(Descriptor descriptor) throws DeploymentException {
            adapter.deploy(descriptor);
        }

        @Override
        public void undeploy(Descriptor descriptor) throws DeploymentException {
            adapter.undeploy(descriptor);
        }

        private void stopRunning() throws DeploymentException {
            if (running != null) {
                Archive<?> stopping = running;
                running = null;
                runningKey = null;
                runningAnswer = null;
                adapter.undeploy(stopping);
            }
        }

        private boolean discardsServer() {
            TestClass current = testClass == null ? null : testClass.get();
            return current != null && current.getJavaClass().isAnnotationPresent(DiscardsServer.class);
        }

        private String className() {
            TestClass current = testClass == null ? null : testClass.get();
            return current == null ? "?" : current.getJavaClass().getSimpleName();
        }

        /**
         * What makes two archives the same deployment: the name and the entries. Every DeployedWar class
         * imports the same WAR file (Api.war()), so theirs match; an archive built otherwise gets its own
         * start. Contents are not compared: reading a WAR of this size for every class would cost time.
         */
        static String key(Archive<?> archive) {
            TreeSet<String> entries = new TreeSet<>();
            archive.getContent().keySet().forEach(path -> entries.add(path.get()));
            return archive.getName() + " " + entries.size() + " " + entries.hashCode();
        }

        /** Whether the server still takes connections where it said it listens. */
        private static boolean answers(ProtocolMetaData answer) {
            for (HTTPContext context : answer.getContexts(HTTPContext.class)) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(context.getHost(), context.getPort()), 5000);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            }
            return false;
        }
    }
}
