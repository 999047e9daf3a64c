package io.crossview.eval.mot;

import io.crossview.common.wire.Box;
import io.crossview.ingest.source.FfmpegSource;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.SourceFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A MOTChallenge sequence folder as a camera: the video its {@code seqinfo.ini} names
 * ({@code video=}, relative to the folder) with the boxes of {@code gt/gt.txt} attached to each
 * frame as ground truth, so the labelled oracle detector can run on recorded benchmarks (the
 * real-people composite) as it does on the synthetic world. Url: {@code mot:///path/to/seq}.
 */
public final class MotSequenceSource implements FrameSource {
    public static final String SCHEME = "mot";

    private final FfmpegSource video;
    private final Map<Long, List<Box>> truthByFrame;
    private final String describe;

    private MotSequenceSource(FfmpegSource video, Map<Long, List<Box>> truthByFrame, String describe) {
        this.video = video;
        this.truthByFrame = truthByFrame;
        this.describe = describe;
    }

    /** Opens {@code mot://DIR}; a folder without seqinfo.ini, video or gt.txt is one IllegalArgumentException line. */
    public static MotSequenceSource open(String url, double fps) throws IOException {
        if (!url.startsWith(SCHEME + "://")) {
            throw new IllegalArgumentException("not a " + SCHEME + ":// url: " + url);
        }
        Path dir = Path.of(url.substring(SCHEME.length() + 3));
        Path ini = dir.resolve("seqinfo.ini");
        Path gt = dir.resolve("gt").resolve("gt.txt");
        if (!Files.isRegularFile(ini) || !Files.isRegularFile(gt)) {
            throw new IllegalArgumentException(url + ": a MOTChallenge sequence needs " + ini + " and " + gt);
        }
        Properties info = new Properties();
        try (var in = Files.newBufferedReader(ini)) {
            info.load(in);
        }
        String name = info.getProperty("video");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(ini + ": no video= entry naming the sequence's video file");
        }
        Path file = dir.resolve(name.trim()).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(ini + ": video " + file + " does not exist");
        }
        Map<Long, List<Box>> truth = new HashMap<>();
        for (MotRow row : MotFile.readGroundTruth(gt)) {
            // MOTChallenge frames count from 1; the source's frame numbers from 0
            truth.computeIfAbsent((long) row.frame() - 1, k -> new ArrayList<>()).add(Box.newBuilder()
                    .setX((float) row.x()).setY((float) row.y()).setW((float) row.w()).setH((float) row.h())
                    .setScore((float) (row.visibility() < 0 ? 1 : row.visibility())).setClassId(0).build());
        }
        return new MotSequenceSource(FfmpegSource.open(file, fps), truth, SCHEME + "://" + dir);
    }

    @Override
    public Optional<SourceFrame> next() throws IOException {
        return video.next();
    }

    @Override
    public List<Box> groundTruth(long frameNumber) {
        return truthByFrame.getOrDefault(frameNumber, List.of());
    }

    @Override
    public int width() {
        return video.width();
    }

    @Override
    public int height() {
        return video.height();
    }

    @Override
    public double sourceFps() {
        return video.sourceFps();
    }

    @Override
    public int sampleStep() {
        return video.sampleStep();
    }

    @Override
    public long sourceFrames() {
        return video.sourceFrames();
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
        video.close();
    }
}
