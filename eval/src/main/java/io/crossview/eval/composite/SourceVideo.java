package io.crossview.eval.composite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The fixed-camera video people are cut from, read frame by frame through FFmpeg. It is read
 * several times (boxes, then masks, then cut-outs) rather than held in memory: decoding
 * vtest.avi takes about a second, holding it a gigabyte.
 *
 * @param frames frames actually decoded (containers' own counts are not always right)
 */
public record SourceVideo(Path file, int width, int height, double fps, int frames, String sha256) {

    /** Told every decoded frame; the picture is BGR and reused for the next frame. */
    @FunctionalInterface
    public interface FrameVisitor {
        void frame(int index, Mat bgr) throws IOException;
    }

    /** Opens and counts the video; a missing or undecodable file is one IOException line. */
    public static SourceVideo open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("video not found: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new IOException("video not readable: " + file);
        }
        int[] size = new int[2];
        double[] fps = new double[1];
        int frames = read(file, Integer.MAX_VALUE, (grabber) -> {
            size[0] = grabber.getImageWidth();
            size[1] = grabber.getImageHeight();
            double rate = grabber.getFrameRate();
            fps[0] = rate > 0 && Double.isFinite(rate) ? rate : 25;
        }, (i, bgr) -> { });
        if (frames == 0) {
            throw new IOException("no video frames in " + file);
        }
        return new SourceVideo(file, size[0], size[1], fps[0], frames, sha256(file));
    }

    /** Every frame in order. */
    public void forEachFrame(FrameVisitor visitor) throws IOException {
        read(file, frames, g -> { }, visitor);
    }

    private interface Opened {
        void started(FFmpegFrameGrabber grabber);
    }

    private static int read(Path file, int limit, Opened opened, FrameVisitor visitor) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new IOException("not a readable video: " + file + " (" + reason(e) + ")", e);
            }
            if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new IOException("no video stream in " + file);
            }
            opened.started(grabber);
            int index = 0;
            Frame frame;
            while (index < limit && (frame = grabber.grabImage()) != null) {
                Mat picture = converter.convert(frame);
                if (picture == null || picture.type() != opencv_core.CV_8UC3) {
                    throw new IOException(file + ": frame " + index + " is not 8-bit colour");
                }
                visitor.frame(index++, picture);
            }
            grabber.stop();
            return index;
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode " + file + ": " + reason(e), e);
        }
    }

    /** JavaCV appends advice about its own API to FFmpeg's reason; users need only the reason. */
    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        int advice = message.indexOf(" (Has setFormat()");
        return advice > 0 ? message.substring(0, advice) : message;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** A BGR mat's pixels as a plain picture (copied). */
    static Picture toPicture(Mat bgr) {
        Mat dense = bgr.isContinuous() ? bgr : bgr.clone();
        byte[] bytes = new byte[dense.cols() * dense.rows() * 3];
        dense.data().get(bytes);
        if (dense != bgr) {
            dense.close();
        }
        return new Picture(bgr.cols(), bgr.rows(), bytes);
    }
}
