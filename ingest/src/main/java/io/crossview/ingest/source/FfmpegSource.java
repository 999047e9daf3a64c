package io.crossview.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads a video file, a network stream or a V4L2 device through FFmpeg and hands out
 * pictures sampled down to a target frame rate. The returned picture is reused by the next
 * call: copy it to keep it.
 */
public final class FfmpegSource implements FrameSource {
    private final SourceUrl url;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final double sourceFps;
    private final double samplePeriodMs;
    private double nextSampleMs = Double.NaN;

    private FfmpegSource(SourceUrl url, FFmpegFrameGrabber grabber, double targetFps) {
        this.url = url;
        this.grabber = grabber;
        double fps = grabber.getFrameRate();
        this.sourceFps = fps > 0 && Double.isFinite(fps) ? fps : 25;
        double effective = targetFps <= 0 ? sourceFps : Math.min(targetFps, sourceFps);
        this.samplePeriodMs = 1000.0 / effective;
    }

    /** Opens a video file; one clear exception when it is missing or not a video FFmpeg can read. */
    public static FfmpegSource open(Path path, double targetFps) throws IOException {
        return open(new SourceUrl(SourceUrl.Kind.FILE, path.toString(), null), targetFps, StreamOptions.DEFAULT);
    }

    /** Opens any FFmpeg source; a missing file or device, or an unreadable video, is a permanent failure. */
    public static FfmpegSource open(SourceUrl url, double targetFps, StreamOptions options) throws IOException {
        if (url.kind() == SourceUrl.Kind.REGISTERED) {
            throw new IllegalArgumentException(url.scheme() + ":// sources are not FFmpeg sources: " + url.masked());
        }
        if (url.kind() == SourceUrl.Kind.FILE) {
            Path path = Path.of(url.target());
            if (!Files.isRegularFile(path)) {
                throw new SourceException("video not found: " + path, true);
            }
            if (!Files.isReadable(path)) {
                throw new SourceException("video not readable: " + path, true);
            }
        }
        if (url.kind() == SourceUrl.Kind.DEVICE && !Files.exists(Path.of(url.target()))) {
            // a camera may be plugged in later: worth trying again
            throw new SourceException("device not found: " + url.target(), false);
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.set();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url.target());
        configure(grabber, url, options);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            String what = url.kind() == SourceUrl.Kind.FILE ? "not a readable video: " : "cannot open ";
            throw new SourceException(what + url.masked() + " (" + url.scrub(ffmpegReason(e)) + ")",
                    url.kind() == SourceUrl.Kind.FILE, e);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber);
            throw new SourceException("no video stream in " + url.masked(), url.kind() == SourceUrl.Kind.FILE);
        }
        return new FfmpegSource(url, grabber, targetFps);
    }

    private static void configure(FFmpegFrameGrabber grabber, SourceUrl url, StreamOptions options) {
        if (url.format() != null) {
            grabber.setFormat(url.format());
        }
        if (url.kind().live()) {
            String micros = Long.toString(options.readTimeoutMs() * 1000);
            grabber.setOption("rw_timeout", micros);
            // live streams need no long probe: this halves the time to the first picture
            grabber.setOption("probesize", "500000");
            grabber.setOption("analyzeduration", "1000000");
            if (url.isRtsp()) {
                grabber.setOption("timeout", micros);
                grabber.setOption("rtsp_transport", options.rtspTransport());
            }
        }
        for (Map.Entry<String, String> option : options.extra().entrySet()) {
            grabber.setOption(option.getKey(), option.getValue());
        }
    }

    /** JavaCV appends advice about its own API to FFmpeg's reason; users need only the reason. */
    static String ffmpegReason(Exception e) {
        String message = String.valueOf(e.getMessage());
        int advice = message.indexOf(" (Has setFormat()");
        return advice > 0 ? message.substring(0, advice) : message;
    }

    public SourceUrl url() {
        return url;
    }

    @Override
    public String describe() {
        return url.masked();
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

    /** Frames the container declares, or -1 when it does not say (live streams). */
    @Override
    public long sourceFrames() {
        long total = grabber.getLengthInVideoFrames();
        return total <= 0 || url.kind().live() ? -1 : total;
    }

    /** Source frames between two sampled pictures: 2 for a 10 fps file sampled at 5 fps. */
    @Override
    public int sampleStep() {
        return (int) Math.max(1, Math.round(samplePeriodMs * sourceFps / 1000.0));
    }

    /** The next sampled picture, or empty at the end of the file or when a stream ends or times out. */
    @Override
    public Optional<SourceFrame> next() throws IOException {
        while (true) {
            Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (FrameGrabber.Exception e) {
                throw new SourceException("cannot decode " + url.masked() + ": " + url.scrub(ffmpegReason(e)), false, e);
            }
            if (frame == null) {
                return Optional.empty();
            }
            double ptsMs = frame.timestamp / 1000.0;
            if (!take(ptsMs)) {
                continue;
            }
            Mat picture = converter.convert(frame);
            if (picture == null || picture.empty()) {
                continue;
            }
            return Optional.of(new SourceFrame(picture, Math.round(ptsMs), Math.round(ptsMs * sourceFps / 1000)));
        }
    }

    /** Samples by presentation time; a jump back (a stream's clock restarting) restarts sampling. */
    private boolean take(double ptsMs) {
        if (Double.isNaN(nextSampleMs) || ptsMs < nextSampleMs - 1000 - samplePeriodMs) {
            nextSampleMs = ptsMs;
        }
        if (ptsMs + 1e-3 < nextSampleMs) {
            return false;
        }
        nextSampleMs = Math.max(nextSampleMs + samplePeriodMs, ptsMs + samplePeriodMs / 2);
        return true;
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
