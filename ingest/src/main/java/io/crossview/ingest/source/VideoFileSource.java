package io.crossview.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads a video file through FFmpeg and hands out pictures sampled down to a target frame
 * rate. The returned picture is reused by the next call: copy it to keep it.
 */
public final class VideoFileSource implements FrameSource {
    private final Path path;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final double sourceFps;
    private final double samplePeriodMs;
    private double nextSampleMs;

    private VideoFileSource(Path path, FFmpegFrameGrabber grabber, double targetFps) {
        this.path = path;
        this.grabber = grabber;
        double fps = grabber.getFrameRate();
        this.sourceFps = fps > 0 && Double.isFinite(fps) ? fps : 25;
        double effective = targetFps <= 0 ? sourceFps : Math.min(targetFps, sourceFps);
        this.samplePeriodMs = 1000.0 / effective;
    }

    /** Opens the file; one clear exception when it is missing or not a video FFmpeg can read. */
    public static VideoFileSource open(Path path, double targetFps) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("video not found: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new IOException("video not readable: " + path);
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.set();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new IOException("not a readable video: " + path + " (" + ffmpegReason(e) + ")", e);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber);
            throw new IOException("no video stream in " + path);
        }
        return new VideoFileSource(path, grabber, targetFps);
    }

    /** JavaCV appends advice about its own API to FFmpeg's reason; users need only the reason. */
    static String ffmpegReason(Exception e) {
        String message = String.valueOf(e.getMessage());
        int advice = message.indexOf(" (Has setFormat()");
        return advice > 0 ? message.substring(0, advice) : message;
    }

    public Path path() {
        return path;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public double sourceFps() {
        return sourceFps;
    }

    @Override
    public int width() {
        return grabber.getImageWidth();
    }

    @Override
    public int height() {
        return grabber.getImageHeight();
    }

    /** Frames in the file as its container declares them, or -1 when it does not say. */
    @Override
    public long sourceFrames() {
        long total = grabber.getLengthInVideoFrames();
        return total <= 0 ? -1 : total;
    }

    /** Source frames between two sampled pictures: 2 for a 10 fps file sampled at 5 fps. */
    @Override
    public int sampleStep() {
        return (int) Math.max(1, Math.round(samplePeriodMs * sourceFps / 1000.0));
    }

    /** The next sampled picture, or empty at the end of the file. */
    @Override
    public Optional<SourceFrame> next() throws IOException {
        while (true) {
            Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (FrameGrabber.Exception e) {
                throw new IOException("cannot decode " + path + ": " + e.getMessage(), e);
            }
            if (frame == null) {
                return Optional.empty();
            }
            double ptsMs = frame.timestamp / 1000.0;
            if (ptsMs + 1e-3 < nextSampleMs) {
                continue;
            }
            nextSampleMs = Math.max(nextSampleMs + samplePeriodMs, ptsMs + samplePeriodMs / 2);
            Mat picture = converter.convert(frame);
            if (picture == null || picture.empty()) {
                continue;
            }
            return Optional.of(new SourceFrame(picture, Math.round(ptsMs), Math.round(ptsMs * sourceFps / 1000)));
        }
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // closing a grabber that failed to start can fail again; nothing left to release
        }
    }
}
