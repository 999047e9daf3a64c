package io.crossview.matcher.linking;

import io.crossview.common.wire.Box;
import io.crossview.common.wire.TrackObservation;
import io.crossview.common.wire.TrackletAppearance;
import io.crossview.common.wire.TrackletUpdate;
import io.crossview.common.wire.Vector;

/**
 * Which observations of a track may shape its appearance for re-assignment and prototypes: an
 * occluded crop carries the other person's look, a truncated one half a person, a tiny one
 * mostly blur. The rest are summed into the track's {@link TrackletAppearance}.
 */
final class CleanObservation {
    /** Share of a box another track's box may cover before the crop counts as occluded. */
    static final double MAX_COVERED = 0.15;
    /** Pixels from the frame's edge inside which a box counts as cut off. */
    static final int EDGE = 2;
    /** Least box height, pixels. */
    static final int MIN_HEIGHT = 32;

    private CleanObservation() {
    }

    static boolean of(TrackObservation track, TrackletUpdate update) {
        Box b = track.getBox();
        int width = update.getFrame().getWidth();
        int height = update.getFrame().getHeight();
        if (b.getH() < MIN_HEIGHT) {
            return false;
        }
        if (width > 0 && height > 0 && (b.getX() < EDGE || b.getY() < EDGE || b.getX() + b.getW() > width - EDGE
                || b.getY() + b.getH() > height - EDGE)) {
            return false;
        }
        double area = b.getW() * b.getH();
        for (TrackObservation other : update.getTracksList()) {
            if (other.getTrackId() != track.getTrackId() && covered(b, other.getBox()) > MAX_COVERED * area) {
                return false;
            }
        }
        return true;
    }

    private static double covered(Box a, Box b) {
        double w = Math.min(a.getX() + a.getW(), b.getX() + b.getW()) - Math.max(a.getX(), b.getX());
        double h = Math.min(a.getY() + a.getH(), b.getY() + b.getH()) - Math.max(a.getY(), b.getY());
        return Math.max(0, w) * Math.max(0, h);
    }

    /** The sum with this embedding of {@code model} added; another model restarts it. */
    static TrackletAppearance add(TrackletAppearance known, Vector embedding, String model) {
        Vector sum = known == null ? Vector.getDefaultInstance() : known.getSum();
        if (known == null || !known.getModelVersion().equals(model) || sum.getValuesCount() != embedding.getValuesCount()) {
            return TrackletAppearance.newBuilder().setSum(embedding).setCount(1).setModelVersion(model).build();
        }
        Vector.Builder out = Vector.newBuilder();
        for (int i = 0; i < embedding.getValuesCount(); i++) {
            out.addValues(sum.getValues(i) + embedding.getValues(i));
        }
        return known.toBuilder().setSum(out).setCount(known.getCount() + 1).build();
    }
}
