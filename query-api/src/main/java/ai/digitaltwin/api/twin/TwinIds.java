package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.error.ApiException;
import java.util.regex.Pattern;

/** Twin ids are 1–64 characters of letters, digits, '-' and '_'. */
public final class TwinIds {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private TwinIds() {}

  public static String require(String raw) {
    if (raw == null || !VALID.matcher(raw).matches()) {
      throw ApiException.badRequest(
          "Twin id must be 1-64 letters, digits, '-' or '_'", "id");
    }
    return raw;
  }
}
