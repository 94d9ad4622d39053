package ai.digitaltwin.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Free TCP ports on 127.0.0.1 for processes that need to know their port before they start.
 *
 * <p>A port is taken from below the kernel's ephemeral range. A port from inside it could be bound by
 * another process in the seconds before the one it was meant for starts: every process binding port 0
 * (Flink's TaskManagers do) and every outgoing connection takes its port from that range. A port is
 * also given out once per test JVM.
 */
final class Ports {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int SPAN = 10_000;
  private static final Set<Integer> GIVEN = new HashSet<>();
  private static final Random RANDOM = new Random();

  private Ports() {}

  static synchronized int free() {
    int below = ephemeralLow();
    int from = Math.max(1024, below - SPAN);
    for (int tries = 0; tries < 1_000 && below - from >= 1_000; tries++) {
      int port = from + RANDOM.nextInt(below - from);
      if (!GIVEN.contains(port) && bindable(port)) {
        GIVEN.add(port);
        return port;
      }
    }
    return anyFree();
  }

  /** The first port of the ephemeral range, or 1024 (so none below it is used) where it is unknown. */
  private static int ephemeralLow() {
    try {
      // a /proc file reports no size, and Files.readString reads one byte of it
      return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 1024;
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

  /** A port the kernel picks: where no range below the ephemeral one can be used. */
  private static int anyFree() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (GIVEN.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
