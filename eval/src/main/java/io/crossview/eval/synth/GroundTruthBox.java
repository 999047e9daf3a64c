package io.crossview.eval.synth;

import java.util.Locale;

/**
 * Where one identity is in one camera's frame: the projected full extent of the person
 * clipped to the picture (pixels, 0-based top-left), and how much of that extent is
 * visible, counting the picture border, walls and columns, and people nearer the camera.
 *
 * @param id         global identity id, 1..M, the same in every camera
 * @param visibility fraction of the unclipped extent that can be seen, 0..1
 */
public record GroundTruthBox(int id, int x, int y, int w, int h, double visibility) {
    public GroundTruthBox {
        if (id < 1 || w <= 0 || h <= 0 || x < 0 || y < 0) {
            throw new IllegalArgumentException("bad ground-truth box: id " + id + " " + x + "," + y + " " + w + "x" + h);
        }
        if (!(visibility >= 0 && visibility <= 1)) {
            throw new IllegalArgumentException("visibility must be in [0, 1], got " + visibility);
        }
    }

    /**
     * One MOTChallenge ground-truth line: frame (1-based), id, bb_left, bb_top, width,
     * height, conf=1, class=1 (pedestrian), visibility. Left and top stay 0-based pixels, as
     * in the pipeline's own result files, so a perfect tracker matches with IoU 1.
     */
    public String motLine(int frameIndex) {
        return String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,1,1,%.3f", frameIndex + 1, id, x, y, w, h, visibility);
    }
}
