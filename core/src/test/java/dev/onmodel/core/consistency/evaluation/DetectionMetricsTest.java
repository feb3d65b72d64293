package dev.onmodel.core.consistency.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metric agrees with ../shared/dev-eval/score-dev.py's definitions. */
class DetectionMetricsTest {

    @Test
    void aucCountsTiesAsOneHalf() {
        assertEquals(1.0, DetectionMetrics.auc(List.of(90.0, 80.0), List.of(10.0, 20.0)));
        assertEquals(0.0, DetectionMetrics.auc(List.of(10.0), List.of(90.0)));
        assertEquals(0.5, DetectionMetrics.auc(List.of(50.0, 50.0), List.of(50.0)));
        // Pairs: 60>50, 60>40, 40<50, 40=40 (one half): 2.5 of 4.
        assertEquals(0.625, DetectionMetrics.auc(List.of(60.0, 40.0), List.of(50.0, 40.0)));
    }

    @Test
    void thresholdFlagsAtMostTheGivenShareOfTheReference() {
        List<Double> reference = List.of(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0);
        double threshold = DetectionMetrics.thresholdFor(reference, 0.1);
        assertEquals(20.0, threshold);
        assertEquals(0.1, DetectionMetrics.shareBelow(reference, threshold));
        assertEquals(0.5, DetectionMetrics.shareBelow(List.of(5.0, 25.0), threshold));
    }
}
