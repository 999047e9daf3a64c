package io.crossview.eval.composite;

import io.crossview.eval.synth.GroundTruthBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Draws one composite frame of one camera: the camera's view of the empty scene with the
 * visiting people pasted in by their masks, farther people (feet higher up) first so that
 * nearer ones cover them, and the ground truth of that frame. A person's visibility is the
 * share of their silhouette that no nearer silhouette covers and that is inside the picture.
 * Thread-safe: cameras can be drawn in parallel.
 */
public final class Compositor {
    /** A rendered frame and its ground truth, by global id. */
    public record Rendered(Picture picture, List<GroundTruthBox> boxes) {
    }

    private final VisitPlan plan;
    private final List<CameraView> views;
    private final Map<Integer, CutPerson> people;
    private final List<Picture> backgrounds;

    public Compositor(List<CutPerson> people, VisitPlan plan, List<CameraView> views, Picture emptyScene) {
        this.plan = plan;
        this.views = List.copyOf(views);
        this.people = people.stream().collect(Collectors.toMap(CutPerson::id, Function.identity()));
        this.backgrounds = views.stream().map(v -> v.background(emptyScene)).toList();
    }

    private record Pasted(Visit visit, Sprite sprite, double[] rect, Box box) {
        double feet() {
            return rect[3];
        }
    }

    public Rendered render(int camera, int frame) {
        CameraView view = views.get(camera);
        Picture picture = backgrounds.get(camera).copy();
        List<Pasted> pasted = new ArrayList<>();
        for (Visit v : plan.on(camera)) {
            if (!v.covers(frame)) {
                continue;
            }
            CutPerson person = people.get(v.person());
            int offset = plan.sourceOffset(v, frame, person.stretch(v.stretch()).length());
            Box source = person.box(v.stretch(), offset);
            pasted.add(new Pasted(v, person.sprite(v.stretch(), offset), v.placement().rect(source),
                    v.placement().pixels(source)));
        }
        pasted.sort(Comparator.comparingDouble(Pasted::feet).thenComparingInt(p -> p.visit().person()));
        int[] owner = new int[view.width() * view.height()];
        int[] silhouette = new int[pasted.size()];
        for (int i = 0; i < pasted.size(); i++) {
            silhouette[i] = draw(picture, pasted.get(i), view, owner, i + 1);
        }
        int[] visible = new int[pasted.size()];
        for (int o : owner) {
            if (o > 0) {
                visible[o - 1]++;
            }
        }
        List<GroundTruthBox> boxes = new ArrayList<>();
        for (int i = 0; i < pasted.size(); i++) {
            Box b = pasted.get(i).box();
            if (b != null) {
                double visibility = silhouette[i] == 0 ? 0 : Math.min(1, visible[i] / (double) silhouette[i]);
                boxes.add(new GroundTruthBox(pasted.get(i).visit().person(), b.x(), b.y(), b.w(), b.h(), visibility));
            }
        }
        boxes.sort(Comparator.comparingInt(GroundTruthBox::id));
        return new Rendered(picture, boxes);
    }

    /**
     * Pastes one person, sampling the sprite (mirrored with the view) at each covered pixel
     * centre, and marks the pixels their silhouette owns. Returns the silhouette's size in the
     * view, counting parts outside the picture.
     */
    private static int draw(Picture picture, Pasted p, CameraView view, int[] owner, int mark) {
        Sprite s = p.sprite();
        double[] r = p.rect();
        double w = r[2] - r[0];
        double h = r[3] - r[1];
        int u0 = (int) Math.round(r[0]);
        int u1 = (int) Math.round(r[2]);
        int v0 = (int) Math.round(r[1]);
        int v1 = (int) Math.round(r[3]);
        byte[] out = picture.bgr();
        int[] cast = new int[3];
        int area = 0;
        for (int v = v0; v < v1; v++) {
            double sy = (v + 0.5 - r[1]) / h * s.height() - 0.5;
            for (int u = u0; u < u1; u++) {
                double fx = (u + 0.5 - r[0]) / w;
                double sx = (view.mirror() ? 1 - fx : fx) * s.width() - 0.5;
                double alpha = Bilinear.sample(s.alpha(), s.width(), s.height(), 1, 0, sx, sy) / 255;
                if (alpha >= 0.5) {
                    area++;
                }
                if (alpha <= 0 || u < 0 || v < 0 || u >= picture.width() || v >= picture.height()) {
                    continue;
                }
                view.cast().apply(
                        (int) Math.round(Bilinear.sample(s.bgr(), s.width(), s.height(), 3, 0, sx, sy)),
                        (int) Math.round(Bilinear.sample(s.bgr(), s.width(), s.height(), 3, 1, sx, sy)),
                        (int) Math.round(Bilinear.sample(s.bgr(), s.width(), s.height(), 3, 2, sx, sy)), cast);
                int o = (v * picture.width() + u) * 3;
                for (int c = 0; c < 3; c++) {
                    out[o + c] = (byte) Math.round(alpha * cast[c] + (1 - alpha) * (out[o + c] & 0xff));
                }
                if (alpha >= 0.5) {
                    owner[v * picture.width() + u] = mark;
                }
            }
        }
        return area;
    }
}
