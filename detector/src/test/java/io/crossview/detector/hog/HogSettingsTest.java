package io.crossview.detector.hog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class HogSettingsTest {
    @Test
    void defaultsAreTheTunedOnes() {
        HogSettings d = HogSettings.defaults();
        assertEquals(new HogSettings(1.8, 0.3, 8, 1.2, 0, 50, 224, 0.3), d);
    }

    @Test
    void rejectsValuesHogCannotUseWithAMessageNamingTheField() {
        assertRejected("upscale", () -> new HogSettings(0, 0, 8, 1.2, 0, 50, 224, 0.3));
        assertRejected("hitThreshold", () -> new HogSettings(1.8, Double.NaN, 8, 1.2, 0, 50, 224, 0.3));
        assertRejected("winStride", () -> new HogSettings(1.8, 0, 12, 1.2, 0, 50, 224, 0.3));
        assertRejected("winStride", () -> new HogSettings(1.8, 0, 0, 1.2, 0, 50, 224, 0.3));
        assertRejected("scaleStep", () -> new HogSettings(1.8, 0, 8, 1.0, 0, 50, 224, 0.3));
        assertRejected("padding", () -> new HogSettings(1.8, 0, 8, 1.2, -8, 50, 224, 0.3));
        assertRejected("minBoxHeight", () -> new HogSettings(1.8, 0, 8, 1.2, 0, 0, 224, 0.3));
        assertRejected("maxBoxHeight", () -> new HogSettings(1.8, 0, 8, 1.2, 0, 100, 99, 0.3));
        assertRejected("nmsIou", () -> new HogSettings(1.8, 0, 8, 1.2, 0, 50, 224, 1.5));
    }

    private static void assertRejected(String field, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }
}
