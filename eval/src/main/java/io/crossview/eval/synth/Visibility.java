package io.crossview.eval.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes ground-truth boxes from the figures of one frame, sampling each person's full
 * extent on a grid: a sample is hidden outside the picture, behind a static occluder, or
 * inside the box of a nearer person (the MOTChallenge convention of box occlusion). A
 * person hidden entirely by the picture border or the static scene is not in view and gets
 * no box; one hidden only by other people keeps a box with visibility 0.
 */
final class Visibility {
    private static final int MAX_COLS = 20;
    private static final int MAX_ROWS = 40;

    private Visibility() {
    }

    static List<GroundTruthBox> boxes(List<Figure> figures, Backdrop backdrop, int width, int height) {
        List<GroundTruthBox> out = new ArrayList<>();
        for (Figure f : figures) {
            GroundTruthBox box = box(f, figures, backdrop, width, height);
            if (box != null) {
                out.add(box);
            }
        }
        out.sort(Comparator.comparingInt(GroundTruthBox::id));
        return out;
    }

    private static GroundTruthBox box(Figure f, List<Figure> all, Backdrop backdrop, int width, int height) {
        int x0 = (int) Math.floor(Math.max(0, f.minX()));
        int y0 = (int) Math.floor(Math.max(0, f.minY()));
        int x1 = (int) Math.ceil(Math.min(width, f.maxX()));
        int y1 = (int) Math.ceil(Math.min(height, f.maxY()));
        if (x1 <= x0 || y1 <= y0 || f.width() <= 0 || f.height() <= 0) {
            return null;
        }
        int cols = (int) Math.max(2, Math.min(MAX_COLS, Math.ceil(f.width() / 2)));
        int rows = (int) Math.max(2, Math.min(MAX_ROWS, Math.ceil(f.height() / 2)));
        int inView = 0;
        int visible = 0;
        for (int r = 0; r < rows; r++) {
            double y = f.minY() + (r + 0.5) * f.height() / rows;
            for (int c = 0; c < cols; c++) {
                double x = f.minX() + (c + 0.5) * f.width() / cols;
                if (x < 0 || y < 0 || x >= width || y >= height) {
                    continue;
                }
                int u = (int) x;
                int v = (int) y;
                float occluder = backdrop.occluderDepth(u, v);
                if (occluder < f.depth()) {
                    continue;
                }
                inView++;
                if (!hiddenByPerson(f, all, x, y)) {
                    visible++;
                }
            }
        }
        if (inView == 0) {
            return null;
        }
        double visibility = visible / (double) (rows * cols);
        return new GroundTruthBox(f.id(), x0, y0, x1 - x0, y1 - y0, visibility);
    }

    /**
     * Whether a nearer person's box covers the point. That person cannot be behind the static
     * scene there: the caller only asks where the scene is farther than the target person.
     */
    private static boolean hiddenByPerson(Figure f, List<Figure> all, double x, double y) {
        for (Figure o : all) {
            if (o != f && o.depth() < f.depth() && x >= o.minX() && x <= o.maxX() && y >= o.minY() && y <= o.maxY()) {
                return true;
            }
        }
        return false;
    }
}
