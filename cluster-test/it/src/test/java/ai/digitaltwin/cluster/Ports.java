package ai.digitaltwin.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports on 127.0.0.1 for processes that need to know their port before they start. The kernel
 * may hand out a port it handed out a moment ago, before the process it was meant for has bound it; a
 * port is therefore given out once per test JVM.
 */
final class Ports {
  private static final Set<Integer> GIVEN = new HashSet<>();

  private Ports() {}

  static synchronized int free() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        if (GIVEN.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
