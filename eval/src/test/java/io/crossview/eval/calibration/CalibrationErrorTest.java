package io.crossview.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.eval.calibration.CalibrationError.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationErrorTest {
    @Test
    void probabilitiesThatMatchTheirFrequenciesHaveNoError() {
        List<Prediction> p = new ArrayList<>();
        // in the 0.2-0.3 bin, 1 of 4 is the same person at P = 0.25; in the 0.9-1 bin 9 of 10 at 0.9
        p.add(new Prediction(0.25, true));
        for (int i = 0; i < 3; i++) {
            p.add(new Prediction(0.25, false));
        }
        for (int i = 0; i < 10; i++) {
            p.add(new Prediction(0.9, i < 9));
        }
        assertEquals(0, CalibrationError.of(p).ece(), 1e-12);
    }

    @Test
    void aCurveSureOfEveryStrangerHasTheErrorOfItsConfidence() {
        // every pair called the same person at 0.8, none is: off by 0.8 everywhere
        List<Prediction> p = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            p.add(new Prediction(0.8, false));
        }
        p.add(new Prediction(0.8, true));
        CalibrationError.Result r = CalibrationError.of(p);
        assertEquals(Math.abs(0.8 - 1.0 / 21), r.ece(), 1e-12);
        assertEquals(0.3, r.balancedEce(), 1e-12, "one positive weighs as much as the 20 negatives");
        assertEquals(1, r.positives());
        assertEquals(20, r.negatives());
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CalibrationError.of(List.of(new Prediction(1.5, true))));
        assertTrue(Double.isNaN(CalibrationError.of(List.of(new Prediction(0.5, true))).balancedEce()));
    }
}
