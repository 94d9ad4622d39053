package ai.digitaltwin.reliability.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what the API writes to its security log while attached (the stack runs in this JVM). */
final class SecurityLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  static final String LOGGER = "ai.digitaltwin.api.security";

  private final List<String> lines = new ArrayList<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);

  static SecurityLog attach() {
    SecurityLog log = new SecurityLog();
    log.setContext(log.logger.getLoggerContext());
    log.start();
    log.logger.addAppender(log);
    return log;
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    lines.add(event.getFormattedMessage());
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
