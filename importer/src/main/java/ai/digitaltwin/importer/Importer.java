package ai.digitaltwin.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads every source of an import into one sink, file after file, and reports how far it is in bytes.
 * A file that stops being readable (truncated, malformed, an entry larger than allowed) keeps what was
 * read before the fault; its message is kept and the fault counted, and the import goes on with the
 * next file.
 */
public final class Importer {
  public static final String UNREADABLE = "file unreadable from some point on (see the message)";

  private final ImportContext ctx;
  private final ReadingSink sink;
  private final LongConsumer progress;
  private final List<String> problems = new ArrayList<>();

  public Importer(ImportContext ctx, ReadingSink sink, LongConsumer progress) {
    this.ctx = ctx;
    this.sink = sink;
    this.progress = progress;
  }

  /** Reads all of {@code inputs}; the messages of files that could not be read to their end. */
  public List<String> run(Inputs inputs) throws IOException {
    problems.addAll(inputs.rejected());
    long done = 0;
    for (Inputs.Source source : inputs.sources()) {
      long start = done;
      CountingInputStream[] counter = new CountingInputStream[1];
      try (InputStream in = source.opener().open(raw -> counter[0] = new CountingInputStream(raw, Long.MAX_VALUE, source.name()))) {
        ReadingSink reporting = new ReadingSink() {
          long n;

          @Override
          public void accept(Reading r) {
            sink.accept(r);
            tick();
          }

          @Override
          public void skip(String reason) {
            sink.skip(reason);
            tick();
          }

          private void tick() {
            if ((++n & 0xFFF) == 0) {
              progress.accept(start + counter[0].count());
            }
          }
        };
        source.format().parser().read(in, source.name(), ctx, reporting);
      } catch (UnreadableInputException | CountingInputStream.OversizedEntryException e) {
        problems.add(e.getMessage());
        sink.skip(UNREADABLE);
      } catch (java.io.EOFException | java.util.zip.ZipException e) {
        problems.add(source.name() + ": truncated or damaged (" + e.getMessage() + "); nothing after that point was read");
        sink.skip(UNREADABLE);
      }
      done = start + source.size();
      progress.accept(done);
    }
    return problems;
  }
}
