package ai.digitaltwin.api.auth;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.UserEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users, event-sourced: every change is a {@link UserEvent} on the compacted users topic, keyed by
 * username. At start the topic is replayed to its end; afterwards a follower keeps applying what other
 * replicas write. A write is acknowledged by Kafka before it is applied here, so an answered register
 * survives a crash. Two replicas registering the same new name at the same instant both succeed and
 * the later event wins: an accepted limit of using a log instead of a database with a unique index.
 */
public final class UserDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final EventProducer producer;
  private final Passwords passwords;
  private final Clock clock;
  private final UserFollower follower;

  private UserDirectory(String bootstrap, EventProducer producer, Passwords passwords, Clock clock) {
    this.producer = producer;
    this.passwords = passwords;
    this.clock = clock;
    this.follower = new UserFollower(bootstrap, this::apply);
  }

  /** Replays the users topic (waiting at most {@code timeout}) and keeps following it. */
  public static UserDirectory start(
      String bootstrap, EventProducer producer, Passwords passwords, Clock clock, Duration timeout) {
    UserDirectory directory = new UserDirectory(bootstrap, producer, passwords, clock);
    directory.follower.start(timeout);
    LOG.info("{} users replayed from {}", directory.users.size(), Topics.USERS.name());
    return directory;
  }

  void apply(UserEvent event) {
    users.put(
        event.getUsername(),
        new User(
            event.getUsername(),
            event.getPasswordHash(),
            Role.parse(event.getRole(), "role"),
            event.getCreatedAt()));
  }

  public Optional<User> find(String username) {
    return username == null ? Optional.empty() : Optional.ofNullable(users.get(username));
  }

  public boolean hasAdmin() {
    return users.values().stream().anyMatch(u -> u.role() == Role.ADMIN);
  }

  public int size() {
    return users.size();
  }

  /** Registers a new user; 409 when the name is taken. */
  public synchronized User register(String username, String password, Role role) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw ApiException.badRequest(
          "username must be 3-32 letters, digits, '.', '_' or '-'", "username");
    }
    String hash = passwords.hash(password);
    if (users.containsKey(username)) {
      throw new ApiException(409, "conflict", "Username is taken: " + username, "username");
    }
    Instant now = clock.instant();
    UserEvent event =
        new UserEvent(UUID.randomUUID().toString(), username, now, "registered", hash, role.wire(), now);
    producer.send(Topics.USERS, username, event);
    apply(event);
    return users.get(username);
  }

  /** The user when the password is right; the same time is spent when the user does not exist. */
  public Optional<User> authenticate(String username, String password) {
    User user = users.get(username == null ? "" : username);
    if (user == null) {
      passwords.burn(password);
      return Optional.empty();
    }
    return passwords.matches(password, user.passwordHash()) ? Optional.of(user) : Optional.empty();
  }

  /**
   * The embedded stack's bootstrap: with {@code ADMIN_PASSWORD} set and no admin among the replayed
   * users, user {@code admin} is created with that password. An existing admin is never touched.
   */
  public void ensureAdmin(String password) {
    if (password == null || hasAdmin()) {
      return;
    }
    if (users.containsKey("admin")) {
      LOG.warn("ADMIN_PASSWORD is set but user 'admin' exists without the admin role; nothing changed");
      return;
    }
    register("admin", password, Role.ADMIN);
    LOG.info("created user 'admin' from ADMIN_PASSWORD");
  }

  @Override
  public void close() {
    follower.close();
  }
}
