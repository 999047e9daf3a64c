package io.crossview.ingest.publish;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.google.protobuf.ByteString;
import io.crossview.common.image.Jpeg;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.SourceInfo;
import io.crossview.ingest.publish.StageTimes.Step;
import io.crossview.ingest.source.CameraView;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.SourceFrame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/** Turns one camera view of a source picture into a Frame message: crop, scale down, JPEG. */
public final class FrameEncoder {
    private final StageTimes times;

    public FrameEncoder(StageTimes times) {
        this.times = times;
    }

    public Frame encode(SourceFrame sourceFrame, FrameSource source, CameraView view, FrameEncoding encoding,
                        int quality, long seq, long captureMs) {
        Mat picture = sourceFrame.bgr();
        int[] r = view.pixels(picture.cols(), picture.rows());
        double scale = encoding.scaleFor(r[2], r[3]);
        int width = Math.max(1, (int) Math.round(r[2] * scale));
        int height = Math.max(1, (int) Math.round(r[3] * scale));
        byte[] jpeg;
        long cpu = StageTimes.cpuNow();
        try (Rect rect = new Rect(r[0], r[1], r[2], r[3]); Mat region = new Mat(picture, rect)) {
            if (scale < 1) {
                try (Mat smaller = new Mat(); Size size = new Size(width, height)) {
                    // INTER_AREA averages the pixels a shrunk pixel covers: no aliasing on textures.
                    resize(region, smaller, size, 0, 0, INTER_AREA);
                    cpu = times.add(Step.RESIZE, cpu);
                    jpeg = Jpeg.encode(smaller, quality);
                }
            } else {
                jpeg = Jpeg.encode(region, quality);
            }
        }
        times.add(Step.ENCODE, cpu);
        Frame.Builder frame = Frame.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setRef(FrameRef.newBuilder()
                        .setCamera(view.id())
                        .setSite(view.site())
                        .setSeq(seq)
                        .setCaptureMs(captureMs)
                        .setWidth(width)
                        .setHeight(height))
                .setJpeg(ByteString.copyFrom(jpeg))
                .setSource(SourceInfo.newBuilder()
                        .setUri(source.describe())
                        .setSourcePtsMs(sourceFrame.sourcePtsMs())
                        .setSourceFps(source.sourceFps())
                        .setSourceFrame(sourceFrame.frameNumber()));
        if (view.isWhole()) {
            for (Box truth : source.groundTruth(sourceFrame.frameNumber())) {
                frame.addGroundTruth(scale < 1 ? scaled(truth, scale) : truth);
            }
        }
        return frame.build();
    }

    private static Box scaled(Box box, double scale) {
        return box.toBuilder().setX((float) (box.getX() * scale)).setY((float) (box.getY() * scale))
                .setW((float) (box.getW() * scale)).setH((float) (box.getH() * scale)).build();
    }
}
