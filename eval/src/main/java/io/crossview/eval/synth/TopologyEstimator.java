package io.crossview.eval.synth;

import io.crossview.eval.synth.CameraTopology.Connection;
import io.crossview.eval.synth.CameraTopology.Overlap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Measures the camera topology from the ground truth itself, so it always matches what the
 * cameras show: a person counts as seen where their box is at least a quarter visible;
 * short gaps inside one camera (a passing occluder) are bridged; a connection is recorded
 * when someone leaves every camera and reappears in another during the same visit.
 */
final class TopologyEstimator {
    private static final double SEEN_VISIBILITY = 0.25;
    private static final double SAMPLES_PER_SECOND = 5;
    private static final double BRIDGE_SECONDS = 1.0;
    private static final double MIN_SHARED_SECONDS = 1.0;

    private record Run(int camera, int start, int end) {
    }

    private TopologyEstimator() {
    }

    static CameraTopology estimate(List<String> cameras, int frames, double fps, List<PersonPath> paths,
                                   BiFunction<String, Integer, List<GroundTruthBox>> truth) {
        int step = (int) Math.max(1, Math.round(fps / SAMPLES_PER_SECOND));
        int people = paths.size();
        BitSet[][] seen = new BitSet[cameras.size()][people];
        for (int c = 0; c < cameras.size(); c++) {
            for (int p = 0; p < people; p++) {
                seen[c][p] = new BitSet();
            }
            for (int f = 0; f < frames; f += step) {
                for (GroundTruthBox b : truth.apply(cameras.get(c), f)) {
                    if (b.visibility() >= SEEN_VISIBILITY) {
                        seen[c][b.id() - 1].set(f / step);
                    }
                }
            }
        }
        double sampleSeconds = step / fps;
        List<Overlap> overlaps = new ArrayList<>();
        for (int a = 0; a < cameras.size(); a++) {
            for (int b = a + 1; b < cameras.size(); b++) {
                long both = 0;
                for (int p = 0; p < people; p++) {
                    BitSet s = (BitSet) seen[a][p].clone();
                    s.and(seen[b][p]);
                    both += s.cardinality();
                }
                if (both * sampleSeconds >= MIN_SHARED_SECONDS) {
                    overlaps.add(new Overlap(cameras.get(a), cameras.get(b), round(both * sampleSeconds)));
                }
            }
        }
        Map<String, List<Double>> transits = new LinkedHashMap<>();
        int bridge = (int) Math.round(BRIDGE_SECONDS / sampleSeconds);
        for (int p = 0; p < people; p++) {
            List<Run> runs = new ArrayList<>();
            for (int c = 0; c < cameras.size(); c++) {
                runs.addAll(runs(seen[c][p], c, bridge));
            }
            runs.sort((x, y) -> Integer.compare(x.start(), y.start()));
            int lastEnd = Integer.MIN_VALUE;
            int lastCamera = -1;
            for (Run r : runs) {
                if (lastCamera >= 0 && r.start() > lastEnd + 1 && r.camera() != lastCamera) {
                    double left = lastEnd * sampleSeconds;
                    double arrived = r.start() * sampleSeconds;
                    int visit = paths.get(p).visitAt(left);
                    if (visit >= 0 && visit == paths.get(p).visitAt(arrived)) {
                        int a = Math.min(lastCamera, r.camera());
                        int b = Math.max(lastCamera, r.camera());
                        transits.computeIfAbsent(a + ":" + b, k -> new ArrayList<>()).add(arrived - left);
                    }
                }
                if (r.end() > lastEnd) {
                    lastEnd = r.end();
                    lastCamera = r.camera();
                }
            }
        }
        List<Connection> connections = new ArrayList<>();
        transits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] ab = e.getKey().split(":");
            List<Double> t = e.getValue();
            t.sort(Double::compare);
            double median = t.size() % 2 == 1 ? t.get(t.size() / 2) : (t.get(t.size() / 2 - 1) + t.get(t.size() / 2)) / 2;
            connections.add(new Connection(cameras.get(Integer.parseInt(ab[0])), cameras.get(Integer.parseInt(ab[1])),
                    t.size(), round(median), round(t.get(0)), round(t.get(t.size() - 1))));
        });
        return new CameraTopology(cameras, overlaps, connections);
    }

    /** Runs of set samples, joining runs separated by at most {@code bridge} unset samples. */
    private static List<Run> runs(BitSet s, int camera, int bridge) {
        List<Run> out = new ArrayList<>();
        int i = s.nextSetBit(0);
        while (i >= 0) {
            int end = s.nextClearBit(i) - 1;
            int next = s.nextSetBit(end + 1);
            while (next >= 0 && next - end - 1 <= bridge) {
                end = s.nextClearBit(next) - 1;
                next = s.nextSetBit(end + 1);
            }
            out.add(new Run(camera, i, end));
            i = next;
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
