package io.crossview.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.HarvestedCrop;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingSetTest {
    private static final List<HarvestedCrop> CROPS = TrainingFixtures.crops(3, 8, 1);
    private static final TrainingSet DATA = TrainingSet.of(CROPS, TrainingFixtures.labels(CROPS), TrainerTest.PRE);

    @Test
    void classesAreNumberedByLabelAndTracksByCameraAndTrack() {
        assertEquals(3, DATA.classCount());
        assertEquals("site/1", DATA.classLabel(0));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2}, DATA.classes());
        int[] tracks = DATA.tracks();
        // the fixture's crops 0 and 4 of a person are one track on camera 1, crop 2 another track there
        assertEquals(tracks[0], tracks[4]);
        assertNotEquals(tracks[0], tracks[2]);
        assertEquals(24, Arrays.stream(tracks).filter(t -> t >= 0).count(), "every crop has a track");
        assertNotEquals(tracks[0], tracks[8], "tracks of different people differ");
    }

    @Test
    void batchHoldsThePreprocessedPicturesAndMirrorsAboutHalfWhenFlipping() {
        int[] fives = new int[40];
        Arrays.fill(fives, 5);
        float[] plain = DATA.batch(new int[] {5});
        float[] batch = DATA.batch(fives, new Augmentation(false, true, false, false), new SplittableRandom(7));
        int per = TrainerTest.PRE.floatsPerCrop();
        int w = TrainerTest.PRE.width();
        assertEquals(per, plain.length);
        int mirrored = 0;
        for (int i = 0; i < fives.length; i++) {
            float[] one = Arrays.copyOfRange(batch, i * per, (i + 1) * per);
            if (!Arrays.equals(one, plain)) {
                for (int row = 0; row < per / w; row++) {
                    for (int x = 0; x < w; x++) {
                        assertEquals(plain[row * w + x], one[row * w + (w - 1 - x)], 0f, "neither plain nor mirrored");
                    }
                }
                mirrored++;
            }
        }
        assertTrue(mirrored > 10 && mirrored < 30, mirrored + " of 40 mirrored");
        assertArrayEquals(batch, DATA.batch(fives, new Augmentation(false, true, false, false), new SplittableRandom(7)),
                "one seed, one batch");
    }
}
