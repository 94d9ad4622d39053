package ai.digitaltwin.bench.realism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classifier two-sample test: a logistic regression (standardised features, L2, batch gradient
 * descent) learns to tell real person-days (label 1) from synthetic ones (0); its AUC on days it was not
 * trained on says how far apart the two are (0.5: indistinguishable). Two-fold cross-fitting by person, so
 * a person's days are never both trained on and scored: a fold's model scores the other fold, and the AUC
 * is over every day's out-of-fold score.
 */
public final class Classifier {
  private static final int ITERATIONS = 400;
  private static final double LEARNING_RATE = 0.5;
  private static final double L2 = 1e-3;

  private Classifier() {}

  /** One person-day: its features, whether it is real, and its fold (0 or 1). */
  public record Example(double[] features, boolean real, int fold) {}

  public static double heldOutAuc(List<Example> examples) {
    double[] scores = new double[examples.size()];
    for (int fold = 0; fold < 2; fold++) {
      List<Example> train = new ArrayList<>();
      for (Example e : examples) {
        if (e.fold() != fold) {
          train.add(e);
        }
      }
      Model model = Model.fit(train);
      for (int i = 0; i < examples.size(); i++) {
        if (examples.get(i).fold() == fold) {
          scores[i] = model.score(examples.get(i).features());
        }
      }
    }
    boolean[] real = new boolean[examples.size()];
    for (int i = 0; i < real.length; i++) {
      real[i] = examples.get(i).real();
    }
    return auc(scores, real);
  }

  /** Mann-Whitney: the chance a random real day scores above a random synthetic one (ties count half). */
  static double auc(double[] scores, boolean[] positive) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = scores.length - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  private record Model(double[] mean, double[] sd, double[] w, double bias) {
    static Model fit(List<Example> train) {
      int k = train.get(0).features().length;
      double[] mean = new double[k];
      double[] sd = new double[k];
      for (Example e : train) {
        for (int f = 0; f < k; f++) {
          mean[f] += e.features()[f] / train.size();
        }
      }
      for (Example e : train) {
        for (int f = 0; f < k; f++) {
          sd[f] += Math.pow(e.features()[f] - mean[f], 2) / train.size();
        }
      }
      for (int f = 0; f < k; f++) {
        sd[f] = Math.sqrt(sd[f]) + 1e-9;
      }
      // classes weighted equally, whatever their sizes
      long positives = train.stream().filter(Example::real).count();
      double wPos = 0.5 / Math.max(1, positives);
      double wNeg = 0.5 / Math.max(1, train.size() - positives);
      double[] w = new double[k];
      double bias = 0;
      for (int it = 0; it < ITERATIONS; it++) {
        double[] grad = new double[k];
        double gb = 0;
        for (Example e : train) {
          double[] x = standard(e.features(), mean, sd);
          double err = sigmoid(dot(w, x) + bias) - (e.real() ? 1 : 0);
          double weight = e.real() ? wPos : wNeg;
          for (int f = 0; f < k; f++) {
            grad[f] += weight * err * x[f];
          }
          gb += weight * err;
        }
        for (int f = 0; f < k; f++) {
          w[f] -= LEARNING_RATE * (grad[f] + L2 * w[f]);
        }
        bias -= LEARNING_RATE * gb;
      }
      return new Model(mean, sd, w, bias);
    }

    double score(double[] features) {
      return dot(w, standard(features, mean, sd)) + bias;
    }
  }

  private static double[] standard(double[] x, double[] mean, double[] sd) {
    double[] z = new double[x.length];
    for (int f = 0; f < x.length; f++) {
      z[f] = (x[f] - mean[f]) / sd[f];
    }
    return z;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
