package ai.digitaltwin.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Secrets of the embedded stack when the environment gives none: generated once, kept under
 * {@code <data>/secrets} (readable by the owner only), so tokens and the admin login survive restarts
 * and no published default ever signs a token.
 */
final class LocalSecrets {
  static final String JWT_SECRET = "JWT_SECRET";
  static final String ADMIN_PASSWORD = "ADMIN_PASSWORD";

  private final Path dir;
  private final SecureRandom random = new SecureRandom();

  LocalSecrets(Path dataDir) {
    this.dir = dataDir.resolve("secrets");
  }

  /** Adds the missing secrets to {@code env}. */
  void fill(Map<String, String> env) {
    env.computeIfAbsent(JWT_SECRET, k -> readOrCreate("jwt-secret", 48));
    env.computeIfAbsent(ADMIN_PASSWORD, k -> readOrCreate("admin-password", 12));
  }

  Path adminPasswordFile() {
    return dir.resolve("admin-password");
  }

  private String readOrCreate(String name, int bytes) {
    Path file = dir.resolve(name);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(dir);
      byte[] raw = new byte[bytes];
      random.nextBytes(raw);
      String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort on file systems without POSIX permissions
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep secret " + file, e);
    }
  }
}
