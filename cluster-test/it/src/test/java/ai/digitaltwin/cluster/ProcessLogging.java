package ai.digitaltwin.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Logging set-up for the processes: everything at INFO to their log file (stdout is redirected there). */
final class ProcessLogging {
  private ProcessLogging() {}

  /** {@code -Dlogback.configurationFile=...} for processes that log through logback. */
  static String logbackFlag() {
    Path file = Classpaths.workDir().resolve("logback-process.xml");
    if (!Files.exists(file)) {
      write(file, """
          <configuration>
            <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
              <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
            </appender>
            <logger name="org.apache.kafka" level="WARN"/>
            <logger name="kafka" level="WARN"/>
            <logger name="org.apache.hadoop" level="ERROR"/>
            <logger name="org.eclipse.jetty" level="WARN"/>
            <root level="INFO"><appender-ref ref="OUT"/></root>
          </configuration>
          """);
    }
    return "-Dlogback.configurationFile=" + file;
  }

  /** {@code -Dlog4j.configurationFile=...} for Flink's processes, which log through log4j 2. */
  static String log4jFlag() {
    Path file = Classpaths.workDir().resolve("log4j2-process.properties");
    if (!Files.exists(file)) {
      write(file, """
          rootLogger.level = INFO
          rootLogger.appenderRef.out.ref = Out
          appender.out.name = Out
          appender.out.type = Console
          appender.out.layout.type = PatternLayout
          appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1} - %m%n
          logger.kafka.name = org.apache.kafka
          logger.kafka.level = WARN
          logger.hadoop.name = org.apache.hadoop
          logger.hadoop.level = ERROR
          logger.parquet.name = org.apache.parquet
          logger.parquet.level = WARN
          """);
    }
    return "-Dlog4j.configurationFile=" + file;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
