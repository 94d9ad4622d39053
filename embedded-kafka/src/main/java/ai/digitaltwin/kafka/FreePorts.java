package ai.digitaltwin.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1, for a server that must be told its port before it binds it (a broker, a
 * REST endpoint, a process started with {@code PORT}).
 *
 * <p>The port comes from below the kernel's ephemeral range. One from inside it (what binding port 0
 * gives) can be taken by another socket in the moment before its server binds it: every socket bound to
 * port 0, as Flink binds several while it starts, and every outgoing connection draws from that range. A
 * port is also given out once per JVM. Where the range is unknown, or nothing below it is free, the
 * kernel picks.
 */
public final class FreePorts {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 1024;
  private static final int SPAN = 10_000;
  private static final Set<Integer> GIVEN = new HashSet<>();

  private FreePorts() {}

  /** A port nothing is bound to now and that this JVM has not given out before. */
  public static synchronized int next() {
    int below = ephemeralLow();
    int from = Math.max(LOWEST, below - SPAN);
    for (int tries = 0; tries < 1_000 && below - from >= 1_000; tries++) {
      int port = ThreadLocalRandom.current().nextInt(from, below);
      if (!GIVEN.contains(port) && bindable(port)) {
        GIVEN.add(port);
        return port;
      }
    }
    return kernelPicked();
  }

  /** The first port of the kernel's ephemeral range, or {@value #LOWEST} where it cannot be read. */
  static int ephemeralLow() {
    try {
      // a /proc file reports no size, and Files.readString reads one byte of it
      return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return LOWEST;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int kernelPicked() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (GIVEN.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("no free port on 127.0.0.1", e);
      }
    }
  }
}
