package io.crossview.eval.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A deterministic synthetic site watched by N cameras with M people walking through it:
 * pictures and ground truth of any camera at any frame, and the camera topology measured
 * from the walks. Everything follows from the {@link WorldSpec}; frames can be asked for in
 * any order. Thread-safe; each camera renders under its own lock.
 */
public final class SyntheticWorld implements AutoCloseable {
    private static final long CAMERAS = 1;
    private static final long LOOKS = 2;
    private static final long PEOPLE = 3;
    private static final long PATHS = 4;
    private static final long NOISE = 5;

    private final WorldSpec spec;
    private final FloorPlan plan;
    private final List<Appearance> people;
    private final List<PersonPath> paths;
    private final Map<String, CameraRig> rigs = new LinkedHashMap<>();
    private CameraTopology topology;

    private SyntheticWorld(WorldSpec spec) {
        this.spec = spec;
        this.plan = SiteLayout.floorPlan();
        SplittableRandom mounts = random(spec.seed(), CAMERAS);
        SplittableRandom looks = random(spec.seed(), LOOKS);
        for (int i = 0; i < spec.cameras(); i++) {
            SiteLayout.Mount m = SiteLayout.MOUNTS.get(i);
            // a little jitter per seed: the site stays recognisable, the exact views do not repeat
            PinholeCamera cam = PinholeCamera.lookingAt(spec.cameraId(i),
                    m.x() + mounts.nextDouble(-0.15, 0.15), m.y() + mounts.nextDouble(-0.15, 0.15),
                    m.z() + mounts.nextDouble(-0.2, 0.2), m.targetX() + mounts.nextDouble(-0.5, 0.5),
                    m.targetY() + mounts.nextDouble(-0.5, 0.5), Math.toRadians(mounts.nextDouble(-1.5, 1.5)),
                    m.hfovDeg() + mounts.nextDouble(-3, 3), spec.width(), spec.height());
            CameraLook look = CameraLook.random(looks, i);
            rigs.put(cam.id(), new CameraRig(cam, look, plan, mix(mix(spec.seed()) + NOISE * 1_000_003L + i)));
        }
        this.people = Appearance.population(spec.people(), random(spec.seed(), PEOPLE));
        this.paths = new PathPlanner(plan, spec.seconds()).plan(people, random(spec.seed(), PATHS));
    }

    /** Builds the world; cheap, since each camera's backdrop is ray-cast on first use. */
    public static SyntheticWorld create(WorldSpec spec) {
        return new SyntheticWorld(spec);
    }

    /**
     * An independent stream per purpose, so that for instance adding people does not move the
     * cameras. The seed is hashed: SplittableRandom streams whose seeds differ by its own
     * increment would merely be shifted copies of each other.
     */
    private static SplittableRandom random(long seed, long purpose) {
        return new SplittableRandom(mix(mix(seed) + purpose));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    public WorldSpec spec() {
        return spec;
    }

    /** Camera ids, cam1..camN. */
    public List<String> cameras() {
        return List.copyOf(rigs.keySet());
    }

    public int frames() {
        return spec.frames();
    }

    public double fps() {
        return spec.fps();
    }

    public int width() {
        return spec.width();
    }

    public int height() {
        return spec.height();
    }

    /** Seconds from the start of the recording to a frame. */
    public double time(int frameIndex) {
        return frameIndex / spec.fps();
    }

    /** A new BGR picture of one camera at one frame; the caller owns (and closes) it. */
    public Mat render(String camera, int frameIndex) {
        Mat out = new Mat();
        renderInto(camera, frameIndex, out);
        return out;
    }

    /** Renders into an existing picture, reallocating it only if its size or type differ. */
    public void renderInto(String camera, int frameIndex, Mat target) {
        CameraRig rig = rig(camera, frameIndex);
        rig.renderer().render(figures(rig, frameIndex), frameIndex, target);
    }

    /** Ground-truth boxes of the people in view, sorted by identity. */
    public List<GroundTruthBox> groundTruth(String camera, int frameIndex) {
        CameraRig rig = rig(camera, frameIndex);
        return Visibility.boxes(figures(rig, frameIndex), rig.backdrop(), spec.width(), spec.height());
    }

    /** Overlaps and connections between cameras, measured over the whole recording (computed once). */
    public synchronized CameraTopology topology() {
        if (topology == null) {
            topology = TopologyEstimator.estimate(cameras(), frames(), fps(), paths, this::groundTruth);
        }
        return topology;
    }

    /** A short description of an identity's look (height, clothes, bag) for logs and world.yaml. */
    public String describe(int identity) {
        return people.get(identity - 1).describe();
    }

    /** The number of identities, M. */
    public int people() {
        return people.size();
    }

    /** Camera pose and look for world.yaml: position, yaw, tilt, focal length, gain, colour cast, noise. */
    public Map<String, Object> describeCamera(String camera) {
        return rig(camera, 0).describe();
    }

    private CameraRig rig(String camera, int frameIndex) {
        CameraRig rig = rigs.get(camera);
        if (rig == null) {
            throw new IllegalArgumentException("no camera " + camera + " in this world; cameras: " + cameras());
        }
        if (frameIndex < 0 || frameIndex >= frames()) {
            throw new IllegalArgumentException("frame " + frameIndex + " outside 0.." + (frames() - 1));
        }
        return rig;
    }

    /** Figures of everyone on the site, far to near. */
    private List<Figure> figures(CameraRig rig, int frameIndex) {
        double t = time(frameIndex);
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Pose pose = paths.get(i).at(t);
            if (pose != null) {
                Figure f = rig.builder().build(people.get(i), pose);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        out.sort(Comparator.comparingDouble(Figure::depth).reversed());
        return out;
    }

    @Override
    public void close() {
        rigs.values().forEach(CameraRig::close);
    }
}
