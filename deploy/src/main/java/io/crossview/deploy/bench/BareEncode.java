package io.crossview.deploy.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.crossview.common.image.Jpeg;
import io.crossview.ingest.publish.StageTimes;
import io.crossview.ingest.source.FfmpegSource;
import io.crossview.ingest.source.SourceFrame;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The floor ingest is measured against: one thread decoding a video and JPEG-encoding
 * every picture as fast as it can, with no pacing, queues, protobuf or Kafka.
 */
final class BareEncode {
    record Result(long frames, double decodeMs, double resizeMs, double encodeMs) {
        double framesPerCoreSecond() {
            return 1000.0 / (decodeMs + resizeMs + encodeMs);
        }
    }

    private BareEncode() {
    }

    static Result measure(Path video, int quality, int maxWidth, double seconds) throws Exception {
        long decode = 0;
        long resized = 0;
        long encode = 0;
        long frames = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        try (Mat smaller = new Mat()) {
            while (System.nanoTime() < deadline) {
                try (FfmpegSource source = FfmpegSource.open(video, 0)) {
                    while (System.nanoTime() < deadline) {
                        long t0 = StageTimes.cpuNow();
                        Optional<SourceFrame> next = source.next();
                        long t1 = StageTimes.cpuNow();
                        if (next.isEmpty()) {
                            break;
                        }
                        Mat picture = next.get().bgr();
                        if (maxWidth > 0 && picture.cols() > maxWidth) {
                            int height = (int) Math.round(picture.rows() * (double) maxWidth / picture.cols());
                            try (Size size = new Size(maxWidth, height)) {
                                resize(picture, smaller, size, 0, 0, INTER_AREA);
                            }
                            picture = smaller;
                        }
                        long t2 = StageTimes.cpuNow();
                        Jpeg.encode(picture, quality);
                        long t3 = StageTimes.cpuNow();
                        // the first frames pay for JIT and native loading: leave them out
                        if (++frames > 20) {
                            decode += t1 - t0;
                            resized += t2 - t1;
                            encode += t3 - t2;
                        }
                    }
                }
            }
        }
        long n = Math.max(1, frames - 20);
        return new Result(n, decode / 1e6 / n, resized / 1e6 / n, encode / 1e6 / n);
    }
}
