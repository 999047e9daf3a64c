package io.crossview.eval.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * The same shirt must read differently in two cameras (white balance, gain, saturation) and
 * alike in one camera. Chromaticity (B, G, R over their sum) is compared because brightness
 * legitimately changes as people walk between light and shade.
 */
class ColourCastTest {
    private static final WorldSpec SPEC = new WorldSpec(1, 2, 12, 60, 5, 640, 480);

    @Test
    void aShirtChangesColourBetweenCamerasButNotWithinOne() {
        try (SyntheticWorld world = SyntheticWorld.create(SPEC)) {
            Map<Integer, Map<String, List<double[]>>> seen = new LinkedHashMap<>();
            for (String camera : world.cameras()) {
                for (int f = 0; f < world.frames(); f += 3) {
                    for (GroundTruthBox b : world.groundTruth(camera, f)) {
                        String look = world.describe(b.id());
                        // a plain shirt with nothing across the chest, seen whole and large enough
                        if (b.visibility() < 1 || b.h() < 60 || !look.contains("solid top") || look.contains("bag")
                                || look.contains("backpack")) {
                            continue;
                        }
                        List<double[]> list = seen.computeIfAbsent(b.id(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(camera, k -> new ArrayList<>());
                        if (list.size() < 6) {
                            double[] c = chest(world, camera, f, b);
                            if (c != null) {
                                list.add(c);
                            }
                        }
                    }
                }
            }
            int compared = 0;
            for (Map.Entry<Integer, Map<String, List<double[]>>> e : seen.entrySet()) {
                List<double[]> one = e.getValue().getOrDefault("cam1", List.of());
                List<double[]> two = e.getValue().getOrDefault("cam2", List.of());
                if (one.size() < 3 || two.size() < 3) {
                    continue;
                }
                double[] m1 = mean(one);
                double[] m2 = mean(two);
                double within = Math.max(spread(one, m1), spread(two, m2));
                double across = distance(m1, m2);
                assertTrue(within < 0.02, "identity " + e.getKey() + " varies within a camera by " + within);
                assertTrue(across > 0.02 && across > 3 * within,
                        "identity " + e.getKey() + ": across cameras " + across + ", within " + within);
                compared++;
            }
            assertTrue(compared >= 1, "no plain-shirted identity seen well by both cameras: " + seen.keySet());
        }
    }

    /** Chromaticity of a patch at chest height in the middle of the box, or null when too dark to tell. */
    private static double[] chest(SyntheticWorld world, String camera, int frame, GroundTruthBox b) {
        int pw = Math.max(2, b.w() / 8);
        int ph = Math.max(2, b.h() / 20);
        try (Mat picture = world.render(camera, frame);
             Rect r = new Rect(b.x() + b.w() / 2 - pw / 2, b.y() + (int) (0.33 * b.h()) - ph / 2, pw, ph);
             Mat patch = picture.apply(r)) {
            Scalar s = opencv_core.mean(patch);
            double sum = s.get(0) + s.get(1) + s.get(2);
            return sum < 180 ? null : new double[] {s.get(0) / sum, s.get(1) / sum, s.get(2) / sum};
        }
    }

    private static double[] mean(List<double[]> xs) {
        double[] m = new double[3];
        for (double[] x : xs) {
            for (int i = 0; i < 3; i++) {
                m[i] += x[i] / xs.size();
            }
        }
        return m;
    }

    private static double spread(List<double[]> xs, double[] m) {
        return xs.stream().mapToDouble(x -> distance(x, m)).max().orElse(0);
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }
}
