package io.veroforge.operator.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on a loopback port between a deployed operator and something it depends on
 * (PostgreSQL, the local API), which a scenario can {@link #cut()} — new connections refused and
 * open ones closed, as when the server goes away — or {@link #stall()} — connections accepted and
 * kept open but nothing relayed either way, as when the server is paused or a network drops
 * packets silently — and {@link #restore()} on the same port.
 * Other users of that server (other engineers' tests) are not touched: only this relay breaks.
 * (operator/core's tests have a simpler one, {@code TcpProxy}, in a module this one cannot import.)
 */
public final class FaultProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ServerSocket server;
    private final Object stallLock = new Object();
    private volatile boolean stalled;

    public FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = DeployedOperator.freePort();
        restore();
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far (across cuts): shows the operator came back through this relay. */
    public int connectionsAccepted() {
        return connections.get();
    }

    /** Relaying again: listening on the same port after a cut, bytes flowing after a stall. */
    public synchronized void restore() throws IOException {
        synchronized (stallLock) {
            stalled = false;
            stallLock.notifyAll();
        }
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "fault-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Refuses new connections and closes the open ones (both directions). */
    public synchronized void cut() throws IOException {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** How a dependency goes away: refused and closed, or silent with its connections held open. */
    public enum Fault {
        CUT, STALL;

        /** {@code -Dchaos.<what>-fault=cut|stall}, cut when unset. */
        public static Fault fromProperty(String name) {
            return valueOf(System.getProperty(name, "cut").toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Starts {@code fault}; {@link #restore()} ends it. */
    public void inject(Fault fault) throws IOException {
        if (fault == Fault.CUT) {
            cut();
        } else {
            stall();
        }
    }

    /** Holds every byte: open connections go silent, new ones are accepted and then hear nothing. */
    public void stall() {
        stalled = true;
    }

    @Override
    public void close() throws IOException {
        cut();
        synchronized (stallLock) {
            stalled = false;
            stallLock.notifyAll();
        }
    }

    private void awaitNotStalled() throws InterruptedException {
        synchronized (stallLock) {
            while (stalled) {
                stallLock.wait(1_000);
            }
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                connections.incrementAndGet();
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException upstreamDown) {
                closeQuietly(client); // the target itself is down: the caller sees a closed connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                while (true) {
                    awaitNotStalled(); // read nothing while stalled, so the sender's window fills as with a paused peer
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    awaitNotStalled(); // and hold what was read before the stall began
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed or was cut: close both below
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
