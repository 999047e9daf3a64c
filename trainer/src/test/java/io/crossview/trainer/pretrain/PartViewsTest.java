package io.crossview.trainer.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.embedder.runtime.Preprocessing;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartViewsTest {
    private static final Preprocessing PRE = new Preprocessing(64, 32, true, new float[] {0, 0, 0}, new float[] {1, 1, 1});

    /** A picture whose value is its row number (all channels): where a view was cut from shows in its values. */
    private static float[] rows() {
        float[] pic = new float[3 * 64 * 32];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 32; x++) {
                    pic[(c * 64 + y) * 32 + x] = y;
                }
            }
        }
        return pic;
    }

    @Test
    void aLocalViewComesFromItsPartsBandAndAGlobalViewFromMostOfThePicture() {
        PartViews views = new PartViews(PRE, 4);
        assertEquals(16, views.localHeight());
        assertEquals(16, views.localWidth());
        float[] pic = rows();
        SplittableRandom random = new SplittableRandom(3);
        for (int part = 0; part < 4; part++) {
            for (int trial = 0; trial < 20; trial++) {
                float[] local = new float[3 * 16 * 16];
                views.local(pic, part, local, 0, random);
                // the band of part p is rows 16p..16p+15, widened by 4 rows each way (bilinear sampling reaches a row further)
                for (float v : local) {
                    assertTrue(v >= part * 16 - 5 && v <= part * 16 + 20 + 1e-4, "part " + part + " value " + v);
                }
            }
        }
        for (int trial = 0; trial < 20; trial++) {
            float[] global = new float[pic.length];
            views.global(pic, global, 0, random);
            assertTrue(global[31] <= 0.3 * 64 && global[global.length - 1] >= 0.7 * 64 - 1, "covers at least 70 %");
        }
    }

    @Test
    void partsMustSplitThePicture() {
        assertThrows(IllegalArgumentException.class, () -> new PartViews(PRE, 5));
    }
}
