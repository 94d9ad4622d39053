package ai.digitaltwin.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it (the progress of an import) and, with a limit, stops an entry that
 * unpacks to more than it may: a zip entry's declared size can lie.
 */
public final class CountingInputStream extends FilterInputStream {
  private final long limit;
  private final String name;
  private long count;

  public CountingInputStream(InputStream in, long limit, String name) {
    super(in);
    this.limit = limit;
    this.name = name;
  }

  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  private void counted(long n) throws IOException {
    count += n;
    if (count > limit) {
      throw new OversizedEntryException(name + " unpacks to more than " + limit + " bytes (--max-entry-size); not read further");
    }
  }

  /** An entry that grew past its limit while being read. */
  public static final class OversizedEntryException extends IOException {
    public OversizedEntryException(String message) {
      super(message);
    }
  }
}
