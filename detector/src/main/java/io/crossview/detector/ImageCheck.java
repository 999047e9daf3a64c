package io.crossview.detector;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Finds people in one picture file, for users checking a detector model by eye. */
public final class ImageCheck {
    private ImageCheck() {
    }

    /** One line per box: {@code person 0.87 x=120 y=44 w=38 h=102}. */
    public static String line(String label, PersonBox box) {
        return String.format(Locale.ROOT, "%s %.2f x=%d y=%d w=%d h=%d", label, box.score(), box.x(), box.y(),
                box.width(), box.height());
    }

    /**
     * The box lines of the picture at {@code image}, best first; with {@code annotated} not null,
     * also writes the picture with the boxes drawn (its format from its extension).
     */
    public static List<String> run(DetectorConfig config, Path image, Path annotated) throws IOException {
        if (!Files.isRegularFile(image)) {
            throw new NoSuchFileException(image.toString(), null, "picture not found");
        }
        try (Mat picture = imread(image.toString(), IMREAD_COLOR)) {
            if (picture == null || picture.empty()) {
                throw new IOException(image + " is not a readable picture");
            }
            try (PersonDetector detector = DetectorStage.openDetector(config)) {
                // weak boxes (kept for the tracker) are not what a user checks by eye
                List<PersonBox> boxes = detector.people(picture);
                List<String> lines = new ArrayList<>(boxes.size());
                for (PersonBox box : boxes) {
                    lines.add(line(detector.label(box.classId()), box));
                }
                if (annotated != null) {
                    draw(picture, boxes, lines);
                    if (!imwrite(annotated.toString(), picture)) {
                        throw new IOException("could not write " + annotated + " (is its extension a picture format?)");
                    }
                }
                return lines;
            }
        }
    }

    private static void draw(Mat picture, List<PersonBox> boxes, List<String> lines) {
        try (Scalar green = new Scalar(0, 255, 0, 0)) {
            for (int i = 0; i < boxes.size(); i++) {
                PersonBox b = boxes.get(i);
                String label = lines.get(i).substring(0, lines.get(i).indexOf(" x="));
                try (Rect rect = new Rect(b.x(), b.y(), b.width(), b.height());
                     Point text = new Point(b.x(), Math.max(12, b.y() - 4))) {
                    rectangle(picture, rect, green, 2, 8, 0);
                    putText(picture, label, text, FONT_HERSHEY_SIMPLEX, 0.45, green, 1, 8, false);
                }
            }
        }
    }
}
