package io.crossview.eval.composite;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The source's scene with nobody in it: per pixel and channel, the median of sampled frames.
 * Pixels inside a detected person's box are left out of that frame's vote, so that someone who
 * stands still for a while does not stay behind as a ghost; where nearly every sample covers a
 * pixel, all samples vote.
 */
public final class EmptyScene {
    /** Fewer votes than this at a pixel and the people there are counted after all. */
    static final int MIN_VOTES = 3;
    /** Boxes are grown by this much before they are left out: detectors cut people tight. */
    static final int BOX_MARGIN = 4;

    private final int width;
    private final int height;
    private final List<byte[]> samples = new ArrayList<>();
    private final List<BitSet> covered = new ArrayList<>();

    public EmptyScene(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Frames a video of {@code frames} frames is sampled at so that about {@code samples} vote. */
    public static int sampleStep(int frames, int samples) {
        return Math.max(1, (int) Math.ceil(frames / (double) Math.max(1, samples)));
    }

    /** Adds one frame, leaving out the people in it. */
    public void add(Picture frame, List<Box> people) {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame " + frame.width() + "x" + frame.height() + " in a " + width
                    + "x" + height + " scene");
        }
        BitSet mask = new BitSet(width * height);
        for (Box b : people) {
            Box c = b.grown(BOX_MARGIN).clippedTo(width, height);
            if (c == null) {
                continue;
            }
            for (int y = c.y(); y < c.bottom(); y++) {
                mask.set(y * width + c.x(), y * width + c.right());
            }
        }
        samples.add(frame.bgr().clone());
        covered.add(mask);
    }

    public int sampleCount() {
        return samples.size();
    }

    /** The median picture; at least one frame must have been added. */
    public Picture median() {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no frames sampled for the empty scene");
        }
        int n = samples.size();
        byte[] out = new byte[width * height * 3];
        // one histogram per channel, cleared after each pixel by undoing its own votes
        int[] histogram = new int[3 * 256];
        for (int p = 0; p < width * height; p++) {
            int votes = 0;
            for (int s = 0; s < n; s++) {
                if (!covered.get(s).get(p)) {
                    votes++;
                }
            }
            boolean all = votes < MIN_VOTES;
            votes = 0;
            for (int s = 0; s < n; s++) {
                if (all || !covered.get(s).get(p)) {
                    byte[] px = samples.get(s);
                    for (int c = 0; c < 3; c++) {
                        histogram[c * 256 + (px[p * 3 + c] & 0xff)]++;
                    }
                    votes++;
                }
            }
            for (int c = 0; c < 3; c++) {
                out[p * 3 + c] = (byte) middle(histogram, c * 256, votes);
            }
        }
        return new Picture(width, height, out);
    }

    /** The lower median of the votes in histogram[base, base+256), which it clears. */
    private static int middle(int[] histogram, int base, int votes) {
        int half = (votes - 1) / 2;
        int seen = 0;
        int median = -1;
        for (int v = 0; v < 256; v++) {
            int count = histogram[base + v];
            if (count == 0) {
                continue;
            }
            if (median < 0 && seen + count > half) {
                median = v;
            }
            seen += count;
            histogram[base + v] = 0;
            if (seen == votes) {
                break;
            }
        }
        return median;
    }
}
