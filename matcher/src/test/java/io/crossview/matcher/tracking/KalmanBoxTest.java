package io.crossview.matcher.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.Box;
import org.junit.jupiter.api.Test;

class KalmanBoxTest {
    private static Box box(double x, double y, double w, double h) {
        return Box.newBuilder().setX((float) x).setY((float) y).setW((float) w).setH((float) h).build();
    }

    @Test
    void aNewFilterSitsOnItsBoxAndExpectsItToStay() {
        KalmanBox k = KalmanBox.start(box(100, 50, 40, 100));
        Box predicted = k.predict(1).box();
        assertEquals(100, predicted.getX(), 1e-3);
        assertEquals(100, predicted.getH(), 1e-3);
    }

    @Test
    void itLearnsAConstantVelocityAndPredictsAhead() {
        KalmanBox k = KalmanBox.start(box(0, 0, 40, 100));
        for (int i = 1; i <= 20; i++) {
            k = k.predict(1).update(box(10 * i, 2 * i, 40, 100));
        }
        Box ahead = k.predict(3).box();
        assertEquals(230, ahead.getX(), 3, "three frames on at 10 px a frame");
        assertEquals(46, ahead.getY(), 2);
        assertEquals(40, ahead.getW(), 1);
    }

    @Test
    void uncertaintyGrowsWhileUnseenAndShrinksWhenSeen() {
        KalmanBox k = KalmanBox.start(box(0, 0, 40, 100));
        double start = k.covariance()[0];
        KalmanBox unseen = k.predict(5);
        assertTrue(unseen.covariance()[0] > start);
        assertTrue(unseen.update(box(0, 0, 40, 100)).covariance()[0] < unseen.covariance()[0]);
    }
}
