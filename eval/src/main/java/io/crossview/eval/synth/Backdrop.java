package io.crossview.eval.synth;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The static picture of one camera and, per pixel, the depth of the nearest static thing
 * that can hide a person (wall, column, tree, ceiling); the floor hides nobody, so its
 * pixels hold {@link Float#POSITIVE_INFINITY}.
 */
final class Backdrop implements AutoCloseable {
    private final Mat bgr;
    private final Mat depthMat;
    private final float[] depth;
    private final int width;

    Backdrop(Mat bgr, Mat depthMat, float[] depth, int width) {
        this.bgr = bgr;
        this.depthMat = depthMat;
        this.depth = depth;
        this.width = width;
    }

    Mat bgr() {
        return bgr;
    }

    /** Occluder depth as a CV_32F picture, for masks over a person's region. */
    Mat depthMat() {
        return depthMat;
    }

    float occluderDepth(int u, int v) {
        return depth[v * width + u];
    }

    @Override
    public void close() {
        bgr.close();
        depthMat.close();
    }
}
