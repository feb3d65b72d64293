package dev.onmodel.core.consistency.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the development set's metric (../shared/dev-eval/score-dev.py), computed the same way: on-model
 * frames are the reference, a frame counts as flagged when its score is below a threshold.
 */
public final class DetectionMetrics {

    private DetectionMetrics() {
    }

    /**
     * ROC-AUC as P(reference score > other score), ties counting one half.
     *
     * @return NaN when either list is empty
     */
    public static double auc(List<Double> reference, List<Double> other) {
        if (reference.isEmpty() || other.isEmpty()) {
            return Double.NaN;
        }
        List<double[]> all = new ArrayList<>();
        reference.forEach(v -> all.add(new double[] {v, 1}));
        other.forEach(v -> all.add(new double[] {v, 0}));
        all.sort((a, b) -> Double.compare(a[0], b[0]));
        double rankSum = 0;
        int i = 0;
        while (i < all.size()) {
            int j = i;
            while (j + 1 < all.size() && all.get(j + 1)[0] == all.get(i)[0]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (all.get(k)[1] == 1) {
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        double n1 = reference.size();
        return (rankSum - n1 * (n1 + 1) / 2) / (n1 * other.size());
    }

    /** The threshold that flags ({@code score < threshold}) at most {@code falseAlarmRate} of the reference. */
    public static double thresholdFor(List<Double> reference, double falseAlarmRate) {
        List<Double> sorted = new ArrayList<>(reference);
        sorted.sort(Double::compare);
        int k = (int) Math.floor(falseAlarmRate * sorted.size() + 1e-9);
        return k < sorted.size() ? sorted.get(k) : Double.POSITIVE_INFINITY;
    }

    /** Share of {@code scores} strictly below {@code threshold}. */
    public static double shareBelow(List<Double> scores, double threshold) {
        if (scores.isEmpty()) {
            return Double.NaN;
        }
        return scores.stream().filter(s -> s < threshold).count() / (double) scores.size();
    }
}
