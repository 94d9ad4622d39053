package ai.digitaltwin.importer;

import java.io.IOException;
import java.io.InputStream;

/** Reads one file of one format, streaming: memory does not grow with the file. */
public interface Parser {
  /**
   * Puts every sample of {@code in} into {@code out}, or a skip with its reason.
   *
   * @param name the file's name (inside its archive, if any), for messages and for formats that name
   *     the signal in the file name
   * @throws UnreadableInputException when the file stops being readable (samples before it are kept)
   */
  void read(InputStream in, String name, ImportContext ctx, ReadingSink out) throws IOException, UnreadableInputException;
}
