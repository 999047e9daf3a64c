package io.crossview.eval.composite;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which frames of a track show one whole person by themselves: the (steadied) box keeps clear
 * of the picture border (someone half out of view would be pasted cut off), touches no other
 * detection (the cut-out would carry a piece of them), and the detector's own box that frame
 * agrees with the steadied one (a box that jumps has caught a shadow, a bag or a neighbour, or
 * lost the legs behind something).
 */
public final class CleanFrames {
    /**
     * What counts as clean.
     *
     * @param borderMargin    px the box must keep from the picture's edge
     * @param clearance       px the box must keep from any other detection
     * @param heightTolerance largest relative difference of the raw box's height from the steadied one's
     * @param widthTolerance  the same for widths, which swing with the gait
     */
    public record Rules(int borderMargin, int clearance, double heightTolerance, double widthTolerance) {
        public static final Rules DEFAULT = new Rules(3, 2, 0.12, 0.3);
    }

    private CleanFrames() {
    }

    /**
     * The clean frames of a track, given as the tracker made it ({@code raw}, whose boxes are the
     * detections themselves) and steadied ({@code steady}, whose boxes are cut), among the
     * detections of every frame of a width x height video.
     */
    public static TreeSet<Integer> of(Track raw, Track steady, Map<Integer, List<Box>> detections, int width,
                                      int height, Rules rules) {
        TreeSet<Integer> clean = new TreeSet<>();
        for (Map.Entry<Integer, Box> e : steady.boxes().entrySet()) {
            int frame = e.getKey();
            Box box = e.getValue();
            Box own = raw.box(frame);
            if (box.nearBorder(width, height, rules.borderMargin())
                    || touchesOther(box, own, detections.getOrDefault(frame, List.of()), rules.clearance())
                    || Math.abs(own.h() / (double) box.h() - 1) > rules.heightTolerance()
                    || Math.abs(own.w() / (double) box.w() - 1) > rules.widthTolerance()) {
                continue;
            }
            clean.add(frame);
        }
        return clean;
    }

    /** Whether the box, grown by {@code clearance}, meets any box of its frame but the track's own detection. */
    private static boolean touchesOther(Box box, Box own, List<Box> frame, int clearance) {
        Box grown = box.grown(clearance);
        for (Box other : frame) {
            if (other != own && grown.intersection(other) > 0) {
                return true;
            }
        }
        return false;
    }
}
