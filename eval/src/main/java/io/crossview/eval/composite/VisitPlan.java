package io.crossview.eval.composite;

import io.crossview.common.random.Permutation;
import io.crossview.eval.synth.CameraTopology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When and where each person appears: every person walks past the cameras in order (cam1,
 * cam2, ...), each visit showing the next stretch of their walk, with an unseen transit of a
 * random length inside {@link Timing}'s window between two cameras. People start one after
 * another, staggered so that about {@code concurrency} of them share a camera at a time.
 *
 * @param frames composite frames per camera
 */
public record VisitPlan(List<Visit> visits, int frames, double fps, double sourceFps, Timing timing) {
    /**
     * @param transitMin  shortest unseen walk between two consecutive cameras, seconds
     * @param transitMax  longest, seconds
     * @param concurrency about how many people are on a camera at once
     * @param leadIn      seconds before the first person appears
     * @param tail        seconds after the last leaves
     */
    public record Timing(double transitMin, double transitMax, double concurrency, double leadIn, double tail) {
        public static final Timing DEFAULT = new Timing(2, 6, 2.5, 0.5, 1);

        public Timing {
            if (!(transitMin >= 0) || !(transitMax >= transitMin) || !(concurrency > 0) || leadIn < 0 || tail < 0) {
                throw new IllegalArgumentException("bad visit timing: transit " + transitMin + ".." + transitMax
                        + " s, concurrency " + concurrency + ", lead-in " + leadIn + ", tail " + tail);
            }
        }
    }

    public VisitPlan {
        visits = List.copyOf(visits);
    }

    public static VisitPlan make(List<CutPerson> people, List<CameraView> views, double sourceFps, double fps,
                                 Timing timing, SplittableRandom rnd) {
        int[] order = Permutation.of(people.size(), rnd);
        double firstVisits = people.stream().mapToDouble(p -> length(p.stretch(0), sourceFps, fps)).average().orElse(1);
        double spacing = Math.max(1, firstVisits / timing.concurrency());
        int minTransit = (int) Math.ceil(timing.transitMin() * fps - 1e-9);
        int maxTransit = Math.max(minTransit, (int) Math.floor(timing.transitMax() * fps + 1e-9));
        List<Visit> visits = new ArrayList<>();
        int last = 0;
        for (int slot = 0; slot < order.length; slot++) {
            CutPerson person = people.get(order[slot]);
            int start = (int) Math.round(timing.leadIn() * fps + slot * spacing + rnd.nextDouble() * spacing);
            for (int camera = 0; camera < views.size(); camera++) {
                int frames = length(person.stretch(camera), sourceFps, fps);
                Placement placement = place(person, camera, views.get(camera), rnd);
                Visit visit = new Visit(person.id(), camera, camera, start, frames, placement);
                visits.add(visit);
                last = Math.max(last, visit.end());
                start = visit.end() + minTransit + rnd.nextInt(maxTransit - minTransit + 1);
            }
        }
        visits.sort(Comparator.comparingInt(Visit::camera).thenComparingInt(Visit::start)
                .thenComparingInt(Visit::person));
        int frames = last + 1 + (int) Math.round(timing.tail() * fps);
        return new VisitPlan(visits, frames, fps, sourceFps, timing);
    }

    /** The offset into the visit's stretch that composite {@code frame} shows: the walk plays in real time. */
    public int sourceOffset(Visit visit, int frame, int stretchLength) {
        int offset = (int) Math.floor((frame - visit.start()) * sourceFps / fps + 1e-9);
        return Math.max(0, Math.min(stretchLength - 1, offset));
    }

    public List<Visit> on(int camera) {
        return visits.stream().filter(v -> v.camera() == camera).toList();
    }

    /** Seconds from a person's last frame on {@code camera} to their first on the next camera, per person. */
    public double[] transits(int camera) {
        List<Visit> here = on(camera);
        List<Visit> next = on(camera + 1);
        return here.stream().mapToDouble(v -> next.stream().filter(n -> n.person() == v.person()).findFirst()
                .map(n -> (n.start() - v.end()) / fps).orElse(Double.NaN)).filter(Double::isFinite).sorted().toArray();
    }

    /**
     * The topology as the synthetic world writes it: no overlaps, a connection between each two
     * consecutive cameras whose window is the one transits were drawn from (the matcher's prior),
     * with the count and median of the transits drawn.
     */
    public CameraTopology topology(List<String> cameras) {
        List<CameraTopology.Connection> connections = new ArrayList<>();
        for (int c = 0; c + 1 < cameras.size(); c++) {
            double[] t = transits(c);
            double median = t.length == 0 ? Double.NaN : t.length % 2 == 1 ? t[t.length / 2]
                    : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
            connections.add(new CameraTopology.Connection(cameras.get(c), cameras.get(c + 1), t.length,
                    Math.round(median * 100) / 100.0, timing.transitMin(), timing.transitMax()));
        }
        return new CameraTopology(cameras, List.of(), connections);
    }

    /** Composite frames a stretch lasts at the output rate. */
    static int length(Stretch stretch, double sourceFps, double fps) {
        return Math.max(1, (int) Math.floor(stretch.length() * fps / sourceFps + 1e-9));
    }

    /**
     * The visit's scale (only below 1, when the stretch would not fit the picture) and shift: any
     * sideways position that keeps the whole stretch inside, and the least up or down move that
     * does, so that people stay about where the ground is in the view.
     */
    private static Placement place(CutPerson person, int visit, CameraView view, SplittableRandom rnd) {
        Stretch stretch = person.stretch(visit);
        Box extent = person.box(visit, 0);
        for (int i = 1; i < stretch.length(); i++) {
            extent = extent.union(person.box(visit, i));
        }
        double[] r = new Placement(view, 1, 0, 0).rect(extent);
        double margin = 4;
        double scale = Math.min(1, Math.min((view.width() - 2 * margin) / (r[2] - r[0]),
                (view.height() - 2 * margin) / (r[3] - r[1])));
        double minDx = margin - scale * r[0];
        double maxDx = view.width() - margin - scale * r[2];
        double dx = minDx + rnd.nextDouble() * Math.max(0, maxDx - minDx);
        double dy = Math.max(margin - scale * r[1], Math.min(view.height() - margin - scale * r[3], 0));
        return new Placement(view, scale, dx, dy);
    }
}
