package io.crossview.eval.synth;

import java.util.LinkedHashMap;
import java.util.Map;

/** One camera of the world with what it needs to draw: projection, look, and its lazily ray-cast backdrop. */
final class CameraRig implements AutoCloseable {
    private final PinholeCamera camera;
    private final CameraLook look;
    private final FloorPlan plan;
    private final long noiseSeed;
    private final FigureBuilder builder;
    private Backdrop backdrop;
    private FrameRenderer renderer;

    CameraRig(PinholeCamera camera, CameraLook look, FloorPlan plan, long noiseSeed) {
        this.camera = camera;
        this.look = look;
        this.plan = plan;
        this.noiseSeed = noiseSeed;
        this.builder = new FigureBuilder(camera, look, plan);
    }

    FigureBuilder builder() {
        return builder;
    }

    synchronized Backdrop backdrop() {
        if (backdrop == null) {
            backdrop = new BackdropRenderer(plan, camera, look).render();
        }
        return backdrop;
    }

    synchronized FrameRenderer renderer() {
        if (renderer == null) {
            renderer = new FrameRenderer(backdrop(), look, noiseSeed);
        }
        return renderer;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position_m", new double[] {r(camera.x()), r(camera.y()), r(camera.z())});
        m.put("yaw_deg", r(Math.toDegrees(camera.yaw())));
        m.put("tilt_deg", r(Math.toDegrees(camera.tilt())));
        m.put("focal_px", r(camera.focal()));
        m.put("gain", r(look.gain()));
        m.put("white_balance_bgr", new double[] {r(look.castB()), r(look.castG()), r(look.castR())});
        m.put("saturation", r(look.saturation()));
        m.put("noise_sigma", r(look.noiseSigma()));
        return m;
    }

    private static double r(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public synchronized void close() {
        if (renderer != null) {
            renderer.close();
        }
        if (backdrop != null) {
            backdrop.close();
        }
    }
}
