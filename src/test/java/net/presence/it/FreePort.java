package net.presence.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port for a server a test starts itself. Not one the system hands out for port 0: those come
 * from the range it also gives outgoing connections, and in the seconds between the check and the
 * server's bind a connection (to PostgreSQL, between servers) can take it, and the server fails to
 * start. Ports below that range (32768 on Linux) are only ever taken by listeners.
 */
final class FreePort {

    private static final int FIRST = 20000;
    private static final int COUNT = 10000;

    private FreePort() {
    }

    static int pick() throws IOException {
        int from = ThreadLocalRandom.current().nextInt(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int port = FIRST + (from + i) % COUNT;
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // a listener has it: the next one
            }
        }
        throw new IOException("no free port from " + FIRST + " to " + (FIRST + COUNT - 1));
    }
}
