package io.crossview.deploy.run;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.crossview.common.image.Jpeg;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.IdentityEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import io.crossview.detector.PersonBox;
import io.crossview.detector.privacy.PeopleBlur;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Draws identity boxes, labelled with their global ids, onto a frame and saves it as PNG. */
public final class FrameAnnotator {
    private FrameAnnotator() {
    }

    public static void write(byte[] jpeg, List<IdentityEvent> events, Path png) throws IOException {
        write(jpeg, events, png, false);
    }

    /** As {@link #write(byte[], List, Path)}; with {@code blurPeople} each person is made unrecognisable under its box. */
    public static void write(byte[] jpeg, List<IdentityEvent> events, Path png, boolean blurPeople) throws IOException {
        try (Mat picture = drawn(jpeg, events, blurPeople)) {
            if (!imwrite(png.toString(), picture)) {
                throw new IOException("cannot write " + png);
            }
        }
    }

    /** The frame with its identities drawn, as a JPEG (the console's live tiles). */
    public static byte[] jpeg(byte[] jpeg, List<IdentityEvent> events, boolean blurPeople, int quality) {
        try (Mat picture = drawn(jpeg, events, blurPeople)) {
            return Jpeg.encode(picture, quality);
        }
    }

    private static Mat drawn(byte[] jpeg, List<IdentityEvent> events, boolean blurPeople) {
        Mat picture = Jpeg.decode(jpeg);
        if (blurPeople) {
            PeopleBlur.blur(picture, events.stream().map(FrameAnnotator::person).toList());
        }
        for (IdentityEvent event : events) {
            Box b = event.getBox();
            try (Scalar colour = colourOf(event.getIdentityId());
                 Rect rect = new Rect(Math.round(b.getX()), Math.round(b.getY()), Math.round(b.getW()), Math.round(b.getH()));
                 Point label = new Point(Math.round(b.getX()), Math.max(12, Math.round(b.getY()) - 4))) {
                rectangle(picture, rect, colour, 2, LINE_AA, 0);
                String name = event.getIdentityId() == 0 ? "track " + event.getTrackId() + " ?" : "id " + event.getIdentityId();
                putText(picture, name, label, FONT_HERSHEY_SIMPLEX, 0.5, colour, 1, LINE_AA, false);
            }
        }
        return picture;
    }

    private static PersonBox person(IdentityEvent event) {
        Box b = event.getBox();
        return new PersonBox(Math.round(b.getX()), Math.round(b.getY()), Math.max(1, Math.round(b.getW())),
                Math.max(1, Math.round(b.getH())), 1, 0);
    }

    /** A stable, well-spread colour per identity (golden-angle hue steps). */
    static Scalar colourOf(long identity) {
        double hue = (identity * 137.508) % 360;
        double c = 200;
        double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
        double r;
        double g;
        double b;
        if (hue < 60) { r = c; g = x; b = 0; }
        else if (hue < 120) { r = x; g = c; b = 0; }
        else if (hue < 180) { r = 0; g = c; b = x; }
        else if (hue < 240) { r = 0; g = x; b = c; }
        else if (hue < 300) { r = x; g = 0; b = c; }
        else { r = c; g = 0; b = x; }
        return new Scalar(b + 55, g + 55, r + 55, 0);
    }
}
