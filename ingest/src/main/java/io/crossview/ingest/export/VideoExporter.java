package io.crossview.ingest.export;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.image.BadImageException;
import io.crossview.common.image.Jpeg;
import io.crossview.common.serde.BadMessageException;
import io.crossview.common.wire.Frame;
import io.crossview.ingest.replay.RecordedFrame;
import io.crossview.ingest.replay.RecordingReader;
import io.crossview.ingest.replay.Selection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Writes the recorded frames of one camera back to a video file, timed by their capture times. */
public final class VideoExporter {
    /** Frames held back before the encoder starts, to estimate the frame rate from their capture times. */
    static final int FPS_PROBE_FRAMES = 16;

    private VideoExporter() {
    }

    public static ExportSummary export(KafkaConnection kafka, String framesTopic, ExportRequest request) throws Exception {
        return export(kafka, framesTopic, request, PictureFilter.NONE);
    }

    /** As {@link #export(KafkaConnection, String, ExportRequest)}, every picture through {@code filter} first. */
    public static ExportSummary export(KafkaConnection kafka, String framesTopic, ExportRequest request,
                                       PictureFilter filter) throws Exception {
        String format = Container.formatOf(request.out());
        Path out = request.out().toAbsolutePath();
        Path dir = out.getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IOException("cannot write " + request.out() + ": " + dir + " is not a writable folder");
        }
        Selection selection = Selection.of(Set.of(request.camera()), request.from(), request.to());
        // the camera is in order by itself, but the window keeps its partition from being called
        // done when a camera sharing it runs a little ahead past the end
        try (RecordingReader reader = RecordingReader.open(kafka, framesTopic, selection, RecordingReader.DEFAULT_WINDOW_MS);
             Writer writer = new Writer(out, format, request, filter)) {
            reader.read(writer);
            writer.finish();
            if (writer.frames == 0) {
                throw new IllegalStateException(nothingThere(reader, request));
            }
            return new ExportSummary(request.camera(), writer.frames, writer.firstMs, writer.lastMs, writer.fps,
                    writer.width, writer.height, writer.scaled, writer.undecodable, request.codec(), request.out(), Files.size(out));
        }
    }

    private static String nothingThere(RecordingReader reader, ExportRequest request) {
        String what = "no frames of camera " + request.camera() + " in [" + request.from() + ", " + request.to() + ") on " + reader.topic();
        Map<String, Long> inRange = new TreeMap<>(reader.camerasInRange());
        if (!inRange.isEmpty()) {
            return what + "; that range holds cameras " + inRange.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + " frames)").collect(Collectors.joining(", "));
        }
        RecordingReader.TimeSpan span = reader.span();
        return what + (span == null ? "; the topic is empty"
                : "; the topic holds frames captured " + Instant.ofEpochMilli(span.firstMs()) + ".." + Instant.ofEpochMilli(span.lastMs()));
    }

    /** Holds back the first frames for the rate estimate, then encodes as frames come. */
    private static final class Writer implements RecordingReader.Visitor, AutoCloseable {
        private final Path out;
        private final String format;
        private final ExportRequest request;
        private final PictureFilter filter;
        private final List<RecordedFrame> probe = new ArrayList<>();
        private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
        private FFmpegFrameRecorder recorder;
        private VideoClock clock;
        long frames;
        long scaled;
        long undecodable;
        long firstMs;
        long lastMs;
        double fps;
        int width;
        int height;
        private int firstCols;
        private int firstRows;
        private boolean started;
        private boolean finished;

        Writer(Path out, String format, ExportRequest request, PictureFilter filter) {
            this.out = out;
            this.format = format;
            this.request = request;
            this.filter = filter;
        }

        @Override
        public void frame(RecordedFrame frame) throws Exception {
            if (recorder != null) {
                encode(frame);
                return;
            }
            probe.add(frame);
            if (request.fps() > 0 || probe.size() >= FPS_PROBE_FRAMES) {
                startAndDrain();
            }
        }

        @Override
        public void undecodable(ConsumerRecord<byte[], byte[]> record, BadMessageException error) {
            // export only reads; the stages that consume the topic dead-letter such records
            if (record.key() == null || request.camera().equals(new String(record.key(), StandardCharsets.UTF_8))) {
                undecodable++;
            }
        }

        void finish() throws Exception {
            if (recorder == null && !probe.isEmpty()) {
                startAndDrain();
            }
            if (recorder != null) {
                recorder.stop();
            }
            finished = true;
        }

        private void startAndDrain() throws Exception {
            long[] captures = probe.stream().mapToLong(f -> f.ref().getCaptureMs()).toArray();
            fps = request.fps() > 0 ? request.fps() : VideoClock.estimateFps(captures, 10);
            RecordedFrame first = probe.get(0);
            firstMs = first.ref().getCaptureMs();
            clock = new VideoClock(firstMs, fps);
            try (Mat picture = Jpeg.decode(first.frame().getJpeg().toByteArray())) {
                // 4:2:0 chroma needs even sides
                firstCols = picture.cols();
                firstRows = picture.rows();
                width = firstCols & ~1;
                height = firstRows & ~1;
            }
            avutil.av_log_set_level(avutil.AV_LOG_ERROR); // FFmpeg's stream banners are not for our users
            recorder = new FFmpegFrameRecorder(out.toString(), width, height, 0);
            recorder.setFormat(format);
            recorder.setVideoCodec(request.codec().codecId());
            if (request.codec().encoderName() != null) {
                recorder.setVideoCodecName(request.codec().encoderName());
            }
            recorder.setPixelFormat(request.codec().pixelFormat());
            recorder.setFrameRate(fps);
            recorder.setGopSize((int) Math.max(1, Math.round(fps * 2)));
            if (request.quality() > 0) {
                recorder.setVideoQuality(request.quality());
            } else {
                int kbps = request.bitrateKbps() > 0 ? request.bitrateKbps()
                        : (int) Math.max(500, width * (long) height * fps * 0.2 / 1000);
                recorder.setVideoBitrate(kbps * 1000);
            }
            try {
                started = true;
                recorder.start();
            } catch (FrameRecorder.Exception e) {
                recorder.release();
                recorder = null;
                throw new IOException("cannot write " + request.out() + " as " + format + "/" + request.codec() + ": " + e.getMessage(), e);
            }
            for (RecordedFrame held : probe) {
                encode(held);
            }
            probe.clear();
        }

        private void encode(RecordedFrame recorded) throws Exception {
            Frame frame = recorded.frame();
            Mat picture;
            try {
                picture = Jpeg.decode(frame.getJpeg().toByteArray());
            } catch (BadImageException e) {
                undecodable++;
                return;
            }
            try (picture) {
                filter.apply(picture);
                Mat sized = picture;
                if (picture.cols() != width || picture.rows() != height) {
                    sized = new Mat();
                    opencv_imgproc.resize(picture, sized, new Size(width, height), 0, 0, opencv_imgproc.INTER_AREA);
                    if (picture.cols() != firstCols || picture.rows() != firstRows) {
                        scaled++;
                    }
                }
                try {
                    recorder.setTimestamp(clock.timestampMicros(recorded.ref().getCaptureMs()));
                    recorder.record(converter.convert(sized));
                } finally {
                    if (sized != picture) {
                        sized.close();
                    }
                }
            }
            frames++;
            lastMs = recorded.ref().getCaptureMs();
        }

        @Override
        public void close() throws Exception {
            converter.close();
            if (recorder != null) {
                recorder.release();
            }
            if (started && (frames == 0 || !finished)) {
                Files.deleteIfExists(out); // no empty or half-written video of ours
            }
        }
    }
}
