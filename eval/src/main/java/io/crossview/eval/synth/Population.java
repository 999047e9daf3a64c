package io.crossview.eval.synth;

import io.crossview.common.random.Permutation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Person crops of a large synthetic population, thousands of identities, each seen by several
 * of the site's cameras, for training at the scale where graph sampling pays (QAConv-GS trains
 * on thousands of identities). A world of walks is the wrong tool there: its crowd grows with
 * its length, and each camera sees only who passes by. Here people are placed where a camera
 * sees them whole, a few per picture and apart from each other, at a random heading and gait
 * phase, and rendered with the same figures, backdrops, camera looks and noise as the world.
 * Deterministic from the seed.
 */
public final class Population implements AutoCloseable {
    /** The site's camera mounts; Market-1501 names hold cameras 1 to 9. */
    public static final int CAMERAS = SiteLayout.MOUNTS.size();
    static final double MIN_VISIBILITY = 0.7;
    static final int MIN_HEIGHT = 48;
    /** People in one picture: the backdrop is the costly part, so several share it. */
    public static final int PER_PICTURE = 6;
    private static final int PLACEMENT_TRIES = 40;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    /** One crop: identity 1..N, camera 1..{@link #CAMERAS}, its running number, the BGR pixels (the receiver closes them). */
    public record Crop(int identity, int camera, int shot, Mat bgr) {
    }

    /** Receives the crops as they are cut. */
    public interface Sink {
        void accept(Crop crop) throws java.io.IOException;
    }

    private final long seed;
    private final FloorPlan plan = SiteLayout.floorPlan();
    private final List<Appearance> people;
    private final List<CameraRig> rigs = new ArrayList<>();

    public Population(long seed, int people) {
        if (people < 2 || people > 100_000) {
            throw new IllegalArgumentException("a population needs 2..100000 people, got " + people);
        }
        this.seed = seed;
        this.people = Appearance.population(people, new SplittableRandom(seed * 31 + 7));
        SplittableRandom looks = new SplittableRandom(seed * 31 + 11);
        for (int i = 0; i < CAMERAS; i++) {
            SiteLayout.Mount m = SiteLayout.MOUNTS.get(i);
            PinholeCamera cam = PinholeCamera.lookingAt("cam" + (i + 1), m.x(), m.y(), m.z(), m.targetX(), m.targetY(), 0,
                    m.hfovDeg(), WIDTH, HEIGHT);
            rigs.add(new CameraRig(cam, CameraLook.random(looks, i), plan, seed * 1_000_003L + i));
        }
    }

    public int people() {
        return people.size();
    }

    /**
     * Every person on {@code camerasEach} cameras of their own (drawn at random), {@code shots} crops
     * on each, each crop in a picture of its own; a placement that ends up hidden is dropped.
     * {@code progress} hears the number of pictures rendered so far, every 100.
     *
     * @return the number of crops cut
     */
    public int render(int camerasEach, int shots, Sink sink, IntConsumer progress) throws java.io.IOException {
        if (camerasEach < 1 || camerasEach > CAMERAS || shots < 1) {
            throw new IllegalArgumentException("each person needs 1.." + CAMERAS + " cameras and at least one shot, got "
                    + camerasEach + " and " + shots);
        }
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 13);
        List<List<Integer>> jobs = new ArrayList<>();
        for (int c = 0; c < CAMERAS; c++) {
            jobs.add(new ArrayList<>());
        }
        for (int p = 0; p < people.size(); p++) {
            int[] order = Permutation.of(CAMERAS, rnd);
            for (int i = 0; i < camerasEach; i++) {
                for (int s = 0; s < shots; s++) {
                    jobs.get(order[i]).add(p);
                }
            }
        }
        int crops = 0;
        int pictures = 0;
        try (Mat picture = new Mat()) {
            for (int c = 0; c < CAMERAS; c++) {
                List<Integer> queue = jobs.get(c);
                for (int start = 0; start < queue.size(); start += PER_PICTURE) {
                    crops += picture(c, queue.subList(start, Math.min(queue.size(), start + PER_PICTURE)), pictures++,
                            rnd, picture, sink, crops);
                    if (pictures % 100 == 0) {
                        progress.accept(pictures);
                    }
                }
            }
        }
        return crops;
    }

    private int picture(int camera, List<Integer> who, int index, SplittableRandom rnd, Mat picture, Sink sink,
                        int shot) throws java.io.IOException {
        CameraRig rig = rigs.get(camera);
        List<Figure> figures = new ArrayList<>();
        for (int person : who) {
            Figure f = place(rig, people.get(person), figures, rnd);
            if (f != null) {
                figures.add(f);
            }
        }
        figures.sort(Comparator.comparingDouble(Figure::depth).reversed());
        rig.renderer().render(figures, index, picture);
        int cut = 0;
        for (GroundTruthBox box : Visibility.boxes(figures, rig.backdrop(), WIDTH, HEIGHT)) {
            if (box.visibility() < MIN_VISIBILITY || box.h() < MIN_HEIGHT) {
                continue;
            }
            try (Rect rect = new Rect(box.x(), box.y(), box.w(), box.h()); Mat view = new Mat(picture, rect)) {
                sink.accept(new Crop(box.id(), camera + 1, shot + cut, view.clone()));
            }
            cut++;
        }
        return cut;
    }

    /** The person somewhere the camera sees them whole and clear of those already placed, or null. */
    private Figure place(CameraRig rig, Appearance who, List<Figure> placed, SplittableRandom rnd) {
        List<Region> regions = plan.regions();
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
            Region r = regions.get(rnd.nextInt(regions.size()));
            double x = rnd.nextDouble(r.x0() + 0.6, Math.max(r.x0() + 0.61, r.x1() - 0.6));
            double y = rnd.nextDouble(r.y0() + 0.6, Math.max(r.y0() + 0.61, r.y1() - 0.6));
            if (plan.obstacles().stream().anyMatch(o -> Math.hypot(x - o.x(), y - o.y()) < o.radius() + 0.5)) {
                continue;
            }
            double heading = rnd.nextDouble(-Math.PI, Math.PI);
            double walked = rnd.nextDouble(0, 2 * who.stepLength() * 2);
            double speed = rnd.nextDouble() < 0.15 ? 0 : rnd.nextDouble(0.9, 1.6);
            Figure f = rig.builder().build(who, new Pose(x, y, heading, walked, speed));
            if (f != null && f.minX() >= 2 && f.minY() >= 2 && f.maxX() <= WIDTH - 2 && f.maxY() <= HEIGHT - 2
                    && f.height() >= MIN_HEIGHT + 8 && placed.stream().noneMatch(o -> touches(o, f))) {
                return f;
            }
        }
        return null;
    }

    private static boolean touches(Figure a, Figure b) {
        double gap = 4;
        return a.minX() - gap < b.maxX() && b.minX() - gap < a.maxX() && a.minY() - gap < b.maxY() && b.minY() - gap < a.maxY();
    }

    @Override
    public void close() {
        rigs.forEach(CameraRig::close);
    }
}
