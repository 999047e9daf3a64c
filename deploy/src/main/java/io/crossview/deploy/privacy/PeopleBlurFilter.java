package io.crossview.deploy.privacy;

import io.crossview.detector.DetectorConfig;
import io.crossview.detector.DetectorStage;
import io.crossview.detector.PersonBox;
import io.crossview.detector.PersonDetector;
import io.crossview.detector.privacy.PeopleBlur;
import io.crossview.ingest.export.PictureFilter;
import java.io.IOException;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds the people of every exported picture with a person detector and blurs them: a
 * recording may have outlived its detections, so the picture itself is looked at. Weak boxes
 * (those the tracker keeps without a crop) are blurred too: a half-seen person is a person.
 */
public final class PeopleBlurFilter implements PictureFilter, AutoCloseable {
    private final PersonDetector detector;
    private long pictures;
    private long people;

    private PeopleBlurFilter(PersonDetector detector) {
        this.detector = detector;
    }

    public static PeopleBlurFilter open(DetectorConfig config) throws IOException {
        return new PeopleBlurFilter(DetectorStage.openDetector(config));
    }

    @Override
    public void apply(Mat bgr) {
        List<PersonBox> found = detector.detect(bgr);
        people += PeopleBlur.blur(bgr, found);
        pictures++;
    }

    /** "blurred 57 people in 40 frames". */
    public String summary() {
        return "blurred " + people + " people in " + pictures + " frames";
    }

    public long people() {
        return people;
    }

    @Override
    public void close() throws Exception {
        detector.close();
    }
}
