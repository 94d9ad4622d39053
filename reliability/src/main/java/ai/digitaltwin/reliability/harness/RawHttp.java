package ai.digitaltwin.reliability.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what a hostile client sends (bad UTF-8 in the
 * path, conflicting lengths, oversized headers) is exactly what reaches the server, which a normal client
 * would refuse to send or would repair.
 */
public final class RawHttp {
  /** A response: status -1 when the server closed the connection without answering. */
  public record Response(int status, String head, String body) {}

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** Builds a request from its parts; {@code Content-Length} is added for a body unless headers set it. */
  public static byte[] request(String method, byte[] target, String headers, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(target);
    StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    head.append(headers);
    if (body != null && !headers.toLowerCase().contains("content-length") && !headers.toLowerCase().contains("transfer-encoding")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  public Response send(byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException refusedMidway) {
        // the server may answer (413, 431) and close before reading everything: read what it said
      }
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      return new Response(-1, e.getClass().getSimpleName() + ": " + e.getMessage(), "");
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[16_384];
    try {
      int n;
      while ((n = in.read(chunk)) > 0 && buffer.size() < 2_000_000) {
        buffer.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException endOfAnswer) {
      // a reset after the answer: keep what arrived
    }
    return buffer.toByteArray();
  }

  private static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    if (!text.startsWith("HTTP/")) {
      return new Response(-1, text.length() > 200 ? text.substring(0, 200) : text, "");
    }
    int headEnd = text.indexOf("\r\n\r\n");
    String head = headEnd < 0 ? text : text.substring(0, headEnd);
    String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
    String[] statusLine = head.split("\r\n", 2)[0].split(" ");
    int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
    return new Response(status, head, body);
  }
}
