package ai.digitaltwin.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class JsonRowsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void valuesAreWrittenAsJsonWithListsHoldingNulls() throws Exception {
    String sql = "SELECT * FROM (VALUES (1, TIMESTAMPTZ '2026-11-23 11:15:48.120+00', 85.6, ['x', NULL], 12.50 :: DECIMAL(5, 2)),"
        + " (2, NULL, NULL, NULL, NULL)) AS t(k, ts, x, l, d) ORDER BY k";
    assertThat(JSON.readTree(written(sql, Integer.MAX_VALUE))).isEqualTo(JSON.readTree(
        "[{\"k\":1,\"ts\":\"2026-11-23T11:15:48.120Z\",\"x\":85.6,\"l\":[\"x\",null],\"d\":12.5},"
            + "{\"k\":2,\"ts\":null,\"x\":null,\"l\":null,\"d\":null}]"));
  }

  @Test
  void eachTypeIsWrittenAsTheGenericPathWritesIt() throws Exception {
    // every value as JsonRows writes it and as jsonValue makes it, text for text
    String sql = "SELECT * FROM (VALUES"
        + " (1::TINYINT, 2::SMALLINT, 3::INTEGER, 9007199254740993::BIGINT, 0.1::DOUBLE, 'a\"b\\c \u00e9\u6f22', true,"
        + "  TIMESTAMPTZ '2026-11-23 11:15:48.000120+00', DATE '2026-11-23', 12.50::DECIMAL(5, 2), 1.5::FLOAT, 72.3::DOUBLE),"
        + " ((-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INTEGER, (-9223372036854775808)::BIGINT, 'NaN'::DOUBLE, '', false,"
        + "  TIMESTAMPTZ '1969-07-20 20:17:40+00', NULL, NULL, NULL, -0.0::DOUBLE),"
        + " (NULL, NULL, NULL, NULL, 1e300::DOUBLE, NULL, NULL, TIMESTAMPTZ '2026-11-24 00:00:00+00', NULL, NULL, NULL, 9999999.999::DOUBLE),"
        + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0.271::DOUBLE))"
        + " AS t(ti, si, i, bi, d, s, b, ts, dt, dec, f, v)";
    String expected;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); PreparedStatement p = db.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      expected = JSON.writeValueAsString(TwinHistory.read(rs, Integer.MAX_VALUE, true).asMaps());
    }
    assertThat(written(sql, Integer.MAX_VALUE)).isEqualTo(expected);
    assertThat(expected).contains("\"ts\":\"2026-11-23T11:15:48.000120Z\"", "\"bi\":9007199254740993", "\"d\":\"NaN\"");
  }

  @Test
  void moreRowsThanAllowedAreReportedAsSuch() throws Exception {
    assertThat(count("SELECT * FROM range(3)", 2)).isEqualTo(-1);
    assertThat(count("SELECT * FROM range(3)", 3)).isEqualTo(3);
  }

  private static String written(String sql, int maxRows) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); PreparedStatement p = db.prepareStatement(sql);
        ResultSet rs = p.executeQuery(); JsonGenerator out = JSON.createGenerator(bytes)) {
      JsonRows.write(rs, maxRows, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int count(String sql, int maxRows) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); PreparedStatement p = db.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      return JsonRows.write(rs, maxRows, JSON.createGenerator(new ByteArrayOutputStream()));
    }
  }
}
