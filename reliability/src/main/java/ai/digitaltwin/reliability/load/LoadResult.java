package ai.digitaltwin.reliability.load;

/** What a load run measured: requests, errors of every kind, latency percentiles in milliseconds. */
record LoadResult(String tool, long requests, long errors, String errorDetail, double seconds, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
  double perSecond() {
    return requests / seconds;
  }
}
