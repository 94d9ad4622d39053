package ai.digitaltwin.reliability.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code wrk} with a Lua script that rotates over the read endpoints with a bearer token and
 * prints its summary (requests, every error counter, latency percentiles) in one parseable line.
 */
final class WrkLoad {
  private static final Path WRK = Path.of("/usr/bin/wrk");

  private WrkLoad() {}

  static boolean available() {
    return Files.isExecutable(WRK);
  }

  static LoadResult run(String base, String token, List<String> paths, int connections, int seconds, Path dir) throws IOException, InterruptedException {
    StringBuilder lua = new StringBuilder("local paths = {");
    for (String p : paths) {
      lua.append('"').append(p).append("\",");
    }
    lua.append("}\nlocal i = 0\nlocal threads = {}\ns4 = 0\ns5 = 0\nlast = 0\n")
        .append("setup = function(thread) table.insert(threads, thread) end\n")
        .append("request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i], {[\"Authorization\"] = \"Bearer ")
        .append(token).append("\"})\nend\n")
        .append("response = function(status, headers, body)\n")
        .append("  if status >= 500 then s5 = s5 + 1; last = status elseif status >= 400 then s4 = s4 + 1; last = status end\nend\n")
        .append("done = function(s, latency, requests)\n  local c4, c5, l = 0, 0, 0\n")
        .append("  for _, t in ipairs(threads) do c4 = c4 + t:get(\"s4\"); c5 = c5 + t:get(\"s5\"); if t:get(\"last\") ~= 0 then l = t:get(\"last\") end end\n")
        .append("  io.write(string.format(\"RESULT requests=%d connect=%d read=%d write=%d status=%d timeout=%d duration=%d p50=%d p90=%d p99=%d max=%d s4=%d s5=%d last=%d\\n\",\n")
        .append("    s.requests, s.errors.connect, s.errors.read, s.errors.write, s.errors.status, s.errors.timeout, s.duration,\n")
        .append("    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, c4, c5, l))\nend\n");
    Path script = dir.resolve("load.lua");
    Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
    Path out = dir.resolve("wrk.out");
    Process p = new ProcessBuilder(WRK.toString(), "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "--latency",
        "-s", script.toString(), base).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("wrk did not finish");
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    String line = text.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + text));
    Map<String, Long> v = new HashMap<>();
    for (String kv : line.substring(7).split(" ")) {
      String[] parts = kv.split("=");
      v.put(parts[0], Long.parseLong(parts[1]));
    }
    long errors = v.get("connect") + v.get("read") + v.get("write") + v.get("status") + v.get("timeout");
    String detail = String.format("connect %d, read %d, write %d, timeout %d, non-2xx %d: %d 4xx and %d 5xx, last %d", v.get("connect"),
        v.get("read"), v.get("write"), v.get("timeout"), v.get("status"), v.get("s4"), v.get("s5"), v.get("last"));
    return new LoadResult("wrk 4.1", v.get("requests"), errors, detail, v.get("duration") / 1e6, v.get("p50") / 1e3, v.get("p90") / 1e3,
        v.get("p99") / 1e3, v.get("max") / 1e3);
  }
}
