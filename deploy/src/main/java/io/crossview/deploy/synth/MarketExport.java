package io.crossview.deploy.synth;

import io.crossview.eval.composite.SourceVideo;
import io.crossview.eval.mot.MotFile;
import io.crossview.eval.mot.MotRow;
import io.crossview.eval.reid.MarketWriter;
import io.crossview.eval.synth.GroundTruthBox;
import io.crossview.eval.synth.SyntheticWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Cuts labelled person crops out of the synthetic world into a Market-1501 style folder, so
 * {@code crossview eval reid} can score re-ID models on cameras whose truth is known.
 * Only clearly visible people are kept: re-ID benchmarks hold detector-quality crops.
 */
public final class MarketExport {
    static final double MIN_VISIBILITY = 0.7;
    static final int MIN_HEIGHT = 48;

    private MarketExport() {
    }

    /** Crops every {@code frameStep}-th frame of every camera; cameras are numbered 1..N as Market requires. */
    public static MarketWriter.Summary write(SyntheticWorld world, Path dir, int frameStep, long seed) throws IOException {
        List<String> cameras = world.cameras();
        if (cameras.size() > 9) {
            throw new IllegalArgumentException("Market-1501 names hold cameras 1 to 9; the world has " + cameras.size());
        }
        List<MarketWriter.Crop> crops = new ArrayList<>();
        List<Mat> owned = new ArrayList<>();
        try {
            for (int c = 0; c < cameras.size(); c++) {
                for (int frame = 0; frame < world.frames(); frame += frameStep) {
                    try (Mat picture = world.render(cameras.get(c), frame)) {
                        for (GroundTruthBox box : world.groundTruth(cameras.get(c), frame)) {
                            if (box.visibility() < MIN_VISIBILITY || box.h() < MIN_HEIGHT) {
                                continue;
                            }
                            try (Rect rect = new Rect(box.x(), box.y(), box.w(), box.h()); Mat view = new Mat(picture, rect)) {
                                Mat crop = view.clone();
                                owned.add(crop);
                                crops.add(new MarketWriter.Crop(box.id(), c + 1, frame, crop));
                            }
                        }
                    }
                }
            }
            return new MarketWriter(1, seed).write(dir, crops);
        } finally {
            owned.forEach(Mat::close);
        }
    }

    /**
     * Crops every {@code frameStep}-th frame of recorded cameras with ground truth in MOTChallenge
     * layout ({@code dir/CAMERA.mp4}, {@code dir/CAMERA/gt/gt.txt}, frames from 1), such as a
     * composite of real people; cameras are numbered 1..N in the given order.
     */
    public static MarketWriter.Summary fromVideos(Path dir, List<String> cameras, Path out, int frameStep, long seed)
            throws IOException {
        if (cameras.size() > MarketWriter.MAX_CAMERA) {
            throw new IllegalArgumentException("Market-1501 names hold cameras 1 to 9; there are " + cameras.size());
        }
        List<MarketWriter.Crop> crops = new ArrayList<>();
        List<Mat> owned = new ArrayList<>();
        try {
            for (int c = 0; c < cameras.size(); c++) {
                int camera = c + 1;
                java.util.Map<Integer, List<MotRow>> byFrame = new java.util.HashMap<>();
                for (MotRow row : MotFile.readGroundTruth(dir.resolve(cameras.get(c)).resolve("gt").resolve("gt.txt"))) {
                    byFrame.computeIfAbsent(row.frame(), k -> new ArrayList<>()).add(row);
                }
                SourceVideo.open(dir.resolve(cameras.get(c) + ".mp4")).forEachFrame((index, bgr) -> {
                    int frame = index + 1;
                    if (index % frameStep != 0) {
                        return;
                    }
                    for (MotRow row : byFrame.getOrDefault(frame, List.of())) {
                        boolean visible = row.visibility() < 0 || row.visibility() >= MIN_VISIBILITY;
                        int x = Math.max(0, (int) Math.round(row.x()));
                        int y = Math.max(0, (int) Math.round(row.y()));
                        int w = Math.min(bgr.cols(), (int) Math.round(row.x() + row.w())) - x;
                        int h = Math.min(bgr.rows(), (int) Math.round(row.y() + row.h())) - y;
                        if (!visible || h < MIN_HEIGHT || w < 8) {
                            continue;
                        }
                        try (Rect rect = new Rect(x, y, w, h); Mat view = new Mat(bgr, rect)) {
                            Mat crop = view.clone();
                            owned.add(crop);
                            crops.add(new MarketWriter.Crop((int) row.id(), camera, frame, crop));
                        }
                    }
                });
            }
            return new MarketWriter(1, seed).write(out, crops);
        } finally {
            owned.forEach(Mat::close);
        }
    }
}
