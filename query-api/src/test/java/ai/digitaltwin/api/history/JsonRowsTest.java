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
