package io.crossview.matcher.harvest;

import io.crossview.common.wire.Box;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.TrackState;
import io.crossview.matcher.tracking.Vectors;
import java.util.List;

/**
 * Decides whether a track's detection in one frame becomes a training crop: it must carry a
 * crop and pass every gate of the {@link HarvestPolicy}. Pure: the track's harvest fields and
 * the frame in, a verdict out.
 *
 * <p>A pick's quality, in [0,1], is the mean of three factors, each in [0,1]: size
 * {@code min(1, h / 256)} (256 px is the usual re-ID input height, so a taller crop loses
 * nothing when resized), the detector score, and clearance {@code 1 - overlap / maxOverlap}
 * (1 when no other box touches it, 0 at the occlusion limit). A mean rather than a product,
 * so that one factor at its gate's limit lowers the rank without zeroing it; the gates have
 * already refused anything bad. With the defaults, picks score from 0.25 to 1.
 */
public final class HarvestSelector {
    /** Height from which a crop stops gaining from size (torchreid and fast-reid resize to 256x128). */
    static final double FULL_HEIGHT = 256;

    /** Why a detection was not picked, in the order the gates are tried. */
    public enum Gate { NO_CROP, QUOTA, TOO_SOON, LOW_SCORE, TOO_SMALL, AT_EDGE, OCCLUDED, TOO_SIMILAR }

    /** The selector's answer for one detection. */
    public sealed interface Verdict permits Pick, Skip {
    }

    /** Picked, with a quality in [0,1]. */
    public record Pick(double quality) implements Verdict {
    }

    /** Not picked: the first gate it failed. */
    public record Skip(Gate gate) implements Verdict {
    }

    private final HarvestPolicy policy;

    public HarvestSelector(HarvestPolicy policy) {
        this.policy = policy;
    }

    /**
     * Judges the detection {@code index} of {@code frame}, matched to {@code track}; the
     * other boxes of the frame are its possible occluders.
     */
    public Verdict judge(TrackState track, FrameEmbeddings frame, int index) {
        EmbeddedBox detection = frame.getBoxes(index);
        Box box = detection.getBox();
        FrameRef ref = frame.getFrame();
        if (detection.getCropJpeg().isEmpty()) {
            return new Skip(Gate.NO_CROP);
        }
        if (track.getHarvested() >= policy.maxPerTrack()) {
            return new Skip(Gate.QUOTA);
        }
        if (track.getHarvested() > 0 && ref.getSeq() - track.getLastHarvestSeq() < policy.minFrameGap()) {
            return new Skip(Gate.TOO_SOON);
        }
        if (box.getScore() < policy.minScore()) {
            return new Skip(Gate.LOW_SCORE);
        }
        if (box.getH() < policy.minHeight() || box.getW() <= 0 || box.getH() <= 0) {
            return new Skip(Gate.TOO_SMALL);
        }
        if (!inside(box, ref.getWidth(), ref.getHeight())) {
            return new Skip(Gate.AT_EDGE);
        }
        double overlap = covered(box, frame.getBoxesList(), index);
        if (overlap > policy.maxOverlap()) {
            return new Skip(Gate.OCCLUDED);
        }
        if (track.getHarvested() > 0 && track.hasLastHarvest()
                && Vectors.cosine(track.getLastHarvest(), detection.getGlobal()) > policy.maxSimilarity()) {
            return new Skip(Gate.TOO_SIMILAR);
        }
        double size = Math.min(1, box.getH() / FULL_HEIGHT);
        double score = Math.max(0, Math.min(1, box.getScore()));
        double clearance = policy.maxOverlap() > 0 ? 1 - overlap / policy.maxOverlap() : 1;
        return new Pick((size + score + clearance) / 3);
    }

    /** Whether the box keeps the margin from every border; a frame of unknown size proves nothing. */
    private boolean inside(Box box, int width, int height) {
        double m = policy.edgeMargin();
        return width > 0 && height > 0 && box.getX() >= m && box.getY() >= m
                && box.getX() + box.getW() <= width - m && box.getY() + box.getH() <= height - m;
    }

    /**
     * The largest share of {@code box} that another box covers. Not IoU: a small person half
     * behind a tall one overlaps it by a small IoU but is half hidden all the same.
     */
    static double covered(Box box, List<EmbeddedBox> boxes, int self) {
        double area = (double) box.getW() * box.getH();
        double most = 0;
        for (int i = 0; i < boxes.size(); i++) {
            if (i == self) {
                continue;
            }
            Box other = boxes.get(i).getBox();
            double w = Math.min(box.getX() + box.getW(), other.getX() + other.getW()) - Math.max(box.getX(), other.getX());
            double h = Math.min(box.getY() + box.getH(), other.getY() + other.getH()) - Math.max(box.getY(), other.getY());
            if (w > 0 && h > 0) {
                most = Math.max(most, w * h / area);
            }
        }
        return most;
    }
}
