package io.crossview.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.runtime.CalibrationMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeldOutCalibrationTest {
    private static final HeldOutSplit.Rule ALL = new HeldOutSplit.Rule(1.0, 0);

    /**
     * Made-up embeddings whose similarities are known exactly: a crop is its identity's axis
     * (weight 0.6), its camera's (0.15), its track's (0.1) and its own (0.15), so one track's
     * crops are at 0.85, one camera's other tracks at 0.75, other cameras at 0.6, strangers at 0.
     */
    private static final class Crops {
        final List<HeldOutCrop> crops = new ArrayList<>();
        final List<float[]> vectors = new ArrayList<>();
        private int axes;

        void person(int identity, int cameras, int tracks, int perTrack) {
            int who = axes++;
            for (int c = 1; c <= cameras; c++) {
                int camera = axes++;
                for (int t = 1; t <= tracks; t++) {
                    int track = axes++;
                    for (int i = 0; i < perTrack; i++) {
                        float[] v = new float[400];
                        v[who] = (float) Math.sqrt(0.6);
                        v[camera] = (float) Math.sqrt(0.15);
                        v[track] = (float) Math.sqrt(0.1);
                        v[axes++] = (float) Math.sqrt(0.15);
                        vectors.add(v);
                        crops.add(new HeldOutCrop("s/" + identity, identity, "cam" + c, 10L * c + t, c, 0.5f,
                                ByteString.EMPTY));
                    }
                }
            }
        }

        Optional<CalibrationMetadata> fit() {
            return HeldOutCalibration.fit(crops, vectors.toArray(new float[0][]));
        }
    }

    @Test
    void theSameTrackCurveLearnsFromOneTracksPairsAndTheBetweenCurveFromOtherCameras() {
        Crops data = new Crops();
        for (int id = 1; id <= 5; id++) {
            data.person(id, 2, 2, 3);
        }
        CalibrationMetadata c = data.fit().orElseThrow();
        assertTrue(c.between().probability(0.6) > 0.9, "another camera's sighting is likely the same person: " + c);
        assertTrue(c.sameTrack().probability(0.6) < c.between().probability(0.6), c.toString());
        assertTrue(c.sameTrack().probability(0.85) > 0.9 && c.sameTrack().probability(0) < 0.1, c.toString());
        assertTrue(c.between().midpoint() < c.sameTrack().midpoint(), c.toString());
        // 5 people x 12 crops: 66 pairs each; the other 4 x 12 crops are strangers to each crop
        assertEquals(5 * 66, c.positivePairs());
        assertEquals(60 * 48 / 2, c.negativePairs());
    }

    @Test
    void peopleOfOneCameraAreCalibratedAcrossTheirTracks() {
        Crops data = new Crops();
        for (int id = 1; id <= 5; id++) {
            data.person(id, 1, 3, 2);
        }
        CalibrationMetadata c = data.fit().orElseThrow();
        // no pair crosses cameras: the between curve falls back to other tracks, at 0.75
        assertTrue(c.between().probability(0.75) > 0.9, c.toString());
        assertTrue(c.between().midpoint() < c.sameTrack().midpoint(), c.toString());
    }

    @Test
    void tooFewPairsGiveNoCalibration() {
        Crops data = new Crops();
        for (int id = 1; id <= 3; id++) {
            data.person(id, 2, 1, 1);
        }
        assertTrue(data.fit().isEmpty(), "3 positive pairs are too few");
    }

    @Test
    void aModelThatFindsStrangersMoreAlikeThanThePersonGivesNoCalibration() {
        // every person has one crop in each of two looks, and everyone in one look looks the same
        List<HeldOutCrop> crops = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int id = 1; id <= 10; id++) {
            for (int look = 0; look < 2; look++) {
                crops.add(new HeldOutCrop("s/" + id, id, "cam" + (look + 1), id, look + 1, 0.5f, ByteString.EMPTY));
                vectors.add(look == 0 ? new float[] {1, 0} : new float[] {0, 1});
            }
        }
        assertTrue(HeldOutCalibration.fit(crops, vectors.toArray(new float[0][])).isEmpty());
    }

    @Test
    void theBuiltInModelRanksHeldOutPositivesAboveNegatives() {
        HeldOutSplit split = HeldOutSplit.of(DrawnPeople.crops("s", DrawnPeople.SEPARABLE, 2, 2, 2, 1), ALL);
        CalibrationMetadata c = new HeldOutEvaluation().calibrate(AppearanceModel.build(), split).orElseThrow();
        assertTrue(c.sameTrack().slope() > 0 && c.between().slope() > 0, c.toString());
        assertEquals(DrawnPeople.SEPARABLE * 28, c.positivePairs(), "8 crops of each person: 28 pairs each");
    }
}
