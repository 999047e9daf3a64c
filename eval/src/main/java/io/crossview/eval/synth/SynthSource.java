package io.crossview.eval.synth;

import io.crossview.common.wire.Box;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.SourceFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One camera of a synthetic world as an ingest source: it hands out pictures on the same
 * timeline as a video file would (frame numbers count world frames, times start at 0),
 * and it knows the true person boxes of every frame. The returned picture is reused by the
 * next call: copy it to keep it.
 */
public final class SynthSource implements FrameSource {
    private final SyntheticWorld world;
    private final boolean ownsWorld;
    private final String camera;
    private final int step;
    private final Mat picture = new Mat();
    private int nextFrame;

    private SynthSource(SyntheticWorld world, boolean ownsWorld, String camera, double targetFps) {
        if (!world.cameras().contains(camera)) {
            throw new IllegalArgumentException("no camera " + camera + " in this world; cameras: " + world.cameras());
        }
        this.world = world;
        this.ownsWorld = ownsWorld;
        this.camera = camera;
        this.step = targetFps <= 0 ? 1 : (int) Math.max(1, Math.round(world.fps() / targetFps));
    }

    /**
     * Opens {@code synth://CAMERA?seed=...}; a target frame rate below the world's takes every
     * n-th frame (0 or less: every frame). Bad addresses throw IllegalArgumentException.
     */
    public static SynthSource open(String uri, double targetFps) {
        SynthUri parsed = SynthUri.parse(uri);
        return new SynthSource(SyntheticWorld.create(parsed.spec()), true, parsed.camera(), targetFps);
    }

    /** A source over a world the caller keeps (and closes); several cameras can share one world. */
    public static SynthSource of(SyntheticWorld world, String camera, double targetFps) {
        return new SynthSource(world, false, camera, targetFps);
    }

    public String camera() {
        return camera;
    }

    public SyntheticWorld world() {
        return world;
    }

    @Override
    public Optional<SourceFrame> next() {
        if (nextFrame >= world.frames()) {
            return Optional.empty();
        }
        int frame = nextFrame;
        nextFrame += step;
        world.renderInto(camera, frame, picture);
        return Optional.of(new SourceFrame(picture, Math.round(frame * 1000.0 / world.fps()), frame));
    }

    @Override
    public int width() {
        return world.width();
    }

    @Override
    public int height() {
        return world.height();
    }

    @Override
    public double sourceFps() {
        return world.fps();
    }

    @Override
    public int sampleStep() {
        return step;
    }

    @Override
    public long sourceFrames() {
        return world.frames();
    }

    /** True person boxes (score = visibility, class 0 = person) of a world frame; empty outside the recording. */
    @Override
    public List<Box> groundTruth(long frameNumber) {
        if (frameNumber < 0 || frameNumber >= world.frames()) {
            return List.of();
        }
        List<Box> out = new ArrayList<>();
        for (GroundTruthBox b : world.groundTruth(camera, (int) frameNumber)) {
            out.add(Box.newBuilder().setX(b.x()).setY(b.y()).setW(b.w()).setH(b.h())
                    .setScore((float) b.visibility()).setClassId(0).build());
        }
        return out;
    }

    /** The ground truth with identities, for evaluation and tests. */
    public List<GroundTruthBox> identities(long frameNumber) {
        return frameNumber < 0 || frameNumber >= world.frames() ? List.of() : world.groundTruth(camera, (int) frameNumber);
    }

    @Override
    public String describe() {
        return "synth://" + camera + "?" + world.spec().toQuery();
    }

    @Override
    public void close() {
        picture.close();
        if (ownsWorld) {
            world.close();
        }
    }
}
