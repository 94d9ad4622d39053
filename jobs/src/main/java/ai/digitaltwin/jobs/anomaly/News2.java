package ai.digitaltwin.jobs.anomaly;

/**
 * NEWS2 (Royal College of Physicians, 2017) points per vital sign and their sum. A missing vital scores
 * 0: the score is then a lower bound, which is what a wearable without every sensor can say.
 *
 * @param total the aggregate score; 5–6 is a key threshold for urgent review, 7+ an emergency
 */
record News2(int pulse, int spo2, int resp, int systolic, int temp, int total) {

  static News2 of(Double pulse, Double spo2, Double resp, Double systolic, Double temp) {
    int p = pulse(pulse);
    int s = spo2(spo2);
    int r = resp(resp);
    int b = systolic(systolic);
    int t = temp(temp);
    return new News2(p, s, r, b, t, p + s + r + b + t);
  }

  /** 51–90 = 0, 41–50 or 91–110 = 1, 111–130 = 2, ≤ 40 or ≥ 131 = 3. */
  static int pulse(Double bpm) {
    if (bpm == null) {
      return 0;
    }
    if (bpm <= 40 || bpm >= 131) {
      return 3;
    }
    if (bpm >= 111) {
      return 2;
    }
    return bpm <= 50 || bpm >= 91 ? 1 : 0;
  }

  /** Scale 1: ≥ 96 = 0, 94–95 = 1, 92–93 = 2, ≤ 91 = 3. */
  static int spo2(Double percent) {
    if (percent == null) {
      return 0;
    }
    if (percent <= 91) {
      return 3;
    }
    if (percent <= 93) {
      return 2;
    }
    return percent <= 95 ? 1 : 0;
  }

  /** 12–20 = 0, 9–11 = 1, 21–24 = 2, ≤ 8 or ≥ 25 = 3. */
  static int resp(Double perMinute) {
    if (perMinute == null) {
      return 0;
    }
    if (perMinute <= 8 || perMinute >= 25) {
      return 3;
    }
    if (perMinute >= 21) {
      return 2;
    }
    return perMinute <= 11 ? 1 : 0;
  }

  /** 111–219 = 0, 101–110 = 1, 91–100 = 2, ≤ 90 or ≥ 220 = 3. */
  static int systolic(Double mmHg) {
    if (mmHg == null) {
      return 0;
    }
    if (mmHg <= 90 || mmHg >= 220) {
      return 3;
    }
    if (mmHg <= 100) {
      return 2;
    }
    return mmHg <= 110 ? 1 : 0;
  }

  /** 36.1–38.0 = 0, 35.1–36.0 or 38.1–39.0 = 1, ≥ 39.1 = 2, ≤ 35.0 = 3. */
  static int temp(Double celsius) {
    if (celsius == null) {
      return 0;
    }
    if (celsius <= 35.0) {
      return 3;
    }
    if (celsius >= 39.1) {
      return 2;
    }
    return celsius <= 36.0 || celsius >= 38.1 ? 1 : 0;
  }

  /** Low, medium or high clinical risk as NEWS2 grades it (any single 3 is at least medium). */
  String risk() {
    if (total >= 7) {
      return "high";
    }
    if (total >= 5 || pulse == 3 || spo2 == 3 || resp == 3 || systolic == 3 || temp == 3) {
      return "medium";
    }
    return "low";
  }

  String json() {
    return "{\"pulse\":" + pulse + ",\"spo2\":" + spo2 + ",\"resp\":" + resp + ",\"systolic\":" + systolic
        + ",\"temp\":" + temp + ",\"total\":" + total + "}";
  }
}
