package io.crossview.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PersonBoxTest {
    @Test
    void intersectionOverUnion() {
        PersonBox a = new PersonBox(0, 0, 10, 20, 1);
        assertEquals(1.0, a.iou(a), 1e-12);
        // Overlap 5x20 = 100, union 200 + 200 - 100 = 300.
        assertEquals(1.0 / 3, a.iou(new PersonBox(5, 0, 10, 20, 1)), 1e-12);
        // Touching edges share no area.
        assertEquals(0.0, a.iou(new PersonBox(10, 0, 10, 20, 1)));
        assertEquals(0.0, a.iou(new PersonBox(50, 50, 10, 20, 1)));
    }

    @Test
    void clipsToThePicture() {
        PersonBox b = new PersonBox(-5, 560, 30, 40, 0.7);
        assertEquals(new PersonBox(0, 560, 25, 16, 0.7), b.clippedTo(384, 576));
        assertEquals(b, new PersonBox(-5, 560, 30, 40, 0.7));
        assertNull(new PersonBox(400, 10, 20, 40, 1).clippedTo(384, 576));
    }

    @Test
    void rejectsAnEmptyBox() {
        assertThrows(IllegalArgumentException.class, () -> new PersonBox(0, 0, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new PersonBox(0, 0, 10, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PersonBox(0, 0, 10, 10, Double.NaN));
    }
}
