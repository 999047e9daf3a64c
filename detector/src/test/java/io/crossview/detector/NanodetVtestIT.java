package io.crossview.detector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.detector.yolo.YoloSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The default detector on real people: the built-in NanoDet, obtained as on a user's first run,
 * against the hand-labelled people of vtest.avi (see {@link VtestPeople}), next to OpenCV's HOG.
 */
@Tag("integration")
class NanodetVtestIT {
    private static Map<Integer, Mat> frames;
    private static Map<Integer, List<PersonBox>> truth;

    @BeforeAll
    static void setUp() throws Exception {
        RealModels.nanodet();
        frames = VtestFrames.read(VtestPeople.FRAMES);
        truth = VtestPeople.truth();
    }

    @AfterAll
    static void tearDown() {
        if (frames != null) {
            frames.values().forEach(Mat::close);
        }
    }

    private static Map<Integer, List<PersonBox>> detect(DetectorConfig config) throws Exception {
        Map<Integer, List<PersonBox>> out = new TreeMap<>();
        try (PersonDetector detector = DetectorStage.openDetector(config)) {
            for (int frame : VtestPeople.FRAMES) {
                // weak boxes below the detector's person score only carry tracks
                out.put(frame, detector.people(frames.get(frame)));
            }
        }
        return out;
    }

    private static DetectorConfig nanodet(int size, YoloSettings.Fit fit, double score) {
        return DetectorConfig.defaults().withYolo(YoloSettings.nanodet().withInputSize(size, size).withFit(fit)
                .withThresholds(score, 0.45).withRuntime(1, false));
    }

    @Test
    void theDefaultDetectorFindsEightyPercentOfThePeopleAtSeventyFivePercentPrecisionAndCountsWithinTwo()
            throws Exception {
        Map<Integer, List<PersonBox>> found = detect(DetectorConfig.defaults());
        VtestPeople.Score score = VtestPeople.total(truth, found);
        System.out.println("vtest people, default detector: " + score);
        assertTrue(score.recall() >= 0.8, score.toString());
        assertTrue(score.precision() >= 0.75, score.toString());
        for (int frame : VtestPeople.FRAMES) {
            int people = truth.get(frame).size();
            int count = found.get(frame).size();
            System.out.println("vtest frame " + frame + ": " + people + " people, NanoDet counts " + count);
            assertTrue(Math.abs(count - people) <= 2, "frame " + frame + ": " + count + " boxes for " + people
                    + " people");
        }
    }

    @Test
    void theDefaultStretchTo320MeasuresAtLeastAsWellAsTheOtherFitsAndSizesAndBetterThanHog() throws Exception {
        Map<String, VtestPeople.Score> scores = new LinkedHashMap<>();
        for (int size : new int[] {416, 320}) {
            for (YoloSettings.Fit fit : new YoloSettings.Fit[] {YoloSettings.Fit.STRETCH, YoloSettings.Fit.LETTERBOX}) {
                for (double threshold : new double[] {0.35, 0.4, 0.45}) {
                    scores.put(size + " " + fit + " " + threshold,
                            VtestPeople.total(truth, detect(nanodet(size, fit, threshold))));
                }
            }
        }
        scores.put("hog", VtestPeople.total(truth, detect(DetectorConfig.opencvHog())));
        scores.forEach((k, v) -> System.out.println("vtest people, " + k + ": " + v));
        VtestPeople.Score chosen = VtestPeople.total(truth, detect(DetectorConfig.defaults()));
        assertTrue(chosen.equals(scores.get("320 STRETCH 0.4")), "the default is 320x320 stretched at 0.4: " + chosen);
        for (Map.Entry<String, VtestPeople.Score> e : scores.entrySet()) {
            if (e.getKey().endsWith(" 0.4")) {
                assertTrue(chosen.found() >= e.getValue().found(), e.getKey() + " " + e.getValue());
                assertTrue(chosen.precision() >= e.getValue().precision(), e.getKey() + " " + e.getValue());
            }
        }
        VtestPeople.Score hog = scores.get("hog");
        assertTrue(hog.recall() < chosen.recall() && hog.precision() < chosen.precision() - 0.15, hog.toString());
    }
}
