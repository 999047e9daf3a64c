package io.crossview.deploy.bench;

import io.crossview.common.wire.Box;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.Vector;
import io.crossview.eval.mot.MotFile;
import io.crossview.eval.mot.MotRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Similarities of embedding pairs whose truth the ground truth tells: every embedded box is
 * given the ground-truth person it overlaps (IoU ≥ 0.5); pairs are then taken at the two
 * granularities the matcher decides at: box against box (the tracker) and visit against visit
 * (mean embedding of one person's stay on one camera; the linker), same camera or across cameras.
 */
final class LabelledPairs {
    private static final double MIN_IOU = 0.5;
    /** A person unseen on a camera this long starts a new visit there. */
    private static final long VISIT_GAP_MS = 3000;

    /** Similarities by kind: positives and negatives, box- and visit-level, within and across cameras. */
    record Pairs(Map<String, List<Double>> byKind) {
    }

    record Visit(String camera, long person, long firstMs, long lastMs, float[] sum, int boxes) {
    }

    static Pairs of(List<FrameEmbeddings> frames, Path gtDir) throws IOException {
        Map<String, Map<Integer, List<MotRow>>> truth = new HashMap<>();
        Map<String, List<Double>> out = new TreeMap<>();
        Map<String, Map<Long, List<float[]>>> lastBoxes = new HashMap<>();
        List<Visit> visits = new ArrayList<>();
        Map<String, Integer> openVisit = new HashMap<>();
        for (FrameEmbeddings frame : frames) {
            String camera = frame.getFrame().getCamera();
            Map<Integer, List<MotRow>> rows = truth.computeIfAbsent(camera, c -> load(gtDir, c));
            List<MotRow> here = rows.getOrDefault((int) frame.getFrame().getSeq() + 1, List.of());
            List<long[]> labelled = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (EmbeddedBox box : frame.getBoxesList()) {
                long person = personOf(box.getBox(), here);
                if (person > 0 && box.getGlobal().getValuesCount() > 0) {
                    labelled.add(new long[] {person});
                    vectors.add(values(box.getGlobal()));
                }
            }
            for (int i = 0; i < vectors.size(); i++) {
                for (int j = i + 1; j < vectors.size(); j++) {
                    if (labelled.get(i)[0] != labelled.get(j)[0]) {
                        add(out, "box_negative_same_frame", cosine(vectors.get(i), vectors.get(j)));
                    }
                }
                long person = labelled.get(i)[0];
                List<float[]> previous = lastBoxes.computeIfAbsent(camera, c -> new HashMap<>()).get(person);
                if (previous != null && !previous.isEmpty()) {
                    add(out, "box_positive_same_track", cosine(previous.get(previous.size() - 1), vectors.get(i)));
                }
                lastBoxes.get(camera).computeIfAbsent(person, p -> new ArrayList<>()).add(vectors.get(i));
                long now = frame.getFrame().getCaptureMs();
                String key = camera + "/" + person;
                Integer v = openVisit.get(key);
                if (v == null || now - visits.get(v).lastMs() > VISIT_GAP_MS) {
                    visits.add(new Visit(camera, person, now, now, new float[vectors.get(i).length], 0));
                    v = visits.size() - 1;
                    openVisit.put(key, v);
                }
                Visit old = visits.get(v);
                float[] sum = old.sum();
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += vectors.get(i)[k];
                }
                visits.set(v, new Visit(camera, person, old.firstMs(), now, sum, old.boxes() + 1));
            }
        }
        for (int i = 0; i < visits.size(); i++) {
            for (int j = i + 1; j < visits.size(); j++) {
                Visit a = visits.get(i);
                Visit b = visits.get(j);
                if (a.boxes() < 5 || b.boxes() < 5) {
                    continue;
                }
                String where = a.camera().equals(b.camera()) ? "same_camera" : "cross_camera";
                String kind = a.person() == b.person() ? "visit_positive_" : "visit_negative_";
                add(out, kind + where, cosine(a.sum(), b.sum()));
            }
        }
        return new Pairs(out);
    }

    static Map<Integer, List<MotRow>> load(Path gtDir, String camera) {
        Path file = gtDir.resolve(camera).resolve("gt").resolve("gt.txt");
        Map<Integer, List<MotRow>> byFrame = new HashMap<>();
        try {
            if (Files.exists(file)) {
                for (MotRow row : MotFile.readGroundTruth(file)) {
                    byFrame.computeIfAbsent(row.frame(), f -> new ArrayList<>()).add(row);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return byFrame;
    }

    static long personOf(Box box, List<MotRow> rows) {
        long best = 0;
        double bestIou = MIN_IOU;
        for (MotRow row : rows) {
            double ix = Math.max(0, Math.min(box.getX() + box.getW(), row.x() + row.w()) - Math.max(box.getX(), row.x()));
            double iy = Math.max(0, Math.min(box.getY() + box.getH(), row.y() + row.h()) - Math.max(box.getY(), row.y()));
            double inter = ix * iy;
            double iou = inter / (box.getW() * box.getH() + row.w() * row.h() - inter);
            if (iou > bestIou) {
                bestIou = iou;
                best = row.id();
            }
        }
        return best;
    }

    private static float[] values(Vector v) {
        float[] out = new float[v.getValuesCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.getValues(i);
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(Math.max(na * nb, 1e-24));
    }

    private static void add(Map<String, List<Double>> out, String kind, double value) {
        out.computeIfAbsent(kind, k -> new ArrayList<>()).add(value);
    }
}
