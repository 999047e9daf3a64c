package io.crossview.eval.reid;

import io.crossview.common.image.Jpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes labelled crops as a Market-1501 style folder ({@code query/}, {@code bounding_box_test/}),
 * so that data the project makes itself can be measured like the real benchmark. The same crops
 * and seed always give the same files.
 *
 * <p>Per identity and camera, up to {@code queriesPerCamera} crops drawn at random become queries,
 * as Market-1501 holds about one query per person and camera; the rest form the gallery. A group
 * always leaves one crop in the gallery, so that camera's view can still be found from the others.
 * Identities seen by a single camera, distractors (0) and junk (-1) go to the gallery only: their
 * queries could never have a true match from another camera. Files are named as Market names them,
 * with sequence 1 and the crop's index within its identity, camera and frame as box number.
 */
public final class MarketWriter {
    /** High, so the measurement is of the model rather than of compression. */
    public static final int JPEG_QUALITY = 95;
    /** torchreid and fast-reid read the camera with the regex {@code c(\d)}: one digit. */
    public static final int MAX_CAMERA = 9;

    private final int queriesPerCamera;
    private final long seed;

    /** One labelled crop; the caller owns the Mat and closes it after writing. */
    public record Crop(int identity, int camera, int frame, Mat bgr) {
        public Crop {
            if (identity < MarketName.JUNK) {
                throw new IllegalArgumentException("identity must be -1 (junk), 0 (distractor) or positive, got " + identity);
            }
            if (camera < 1 || camera > MAX_CAMERA) {
                throw new IllegalArgumentException("camera must be 1.." + MAX_CAMERA + ", got " + camera);
            }
            if (frame < 0) {
                throw new IllegalArgumentException("frame must not be negative, got " + frame);
            }
            if (bgr == null || bgr.empty()) {
                throw new IllegalArgumentException("crop of identity " + identity + ", camera " + camera + ", frame "
                        + frame + " has no pixels");
            }
        }
    }

    /** What was written: image counts and how many identities have queries. */
    public record Summary(int queries, int gallery, int queryIdentities) {
    }

    public MarketWriter(int queriesPerCamera, long seed) {
        if (queriesPerCamera < 1) {
            throw new IllegalArgumentException("queries per identity and camera must be at least 1, got " + queriesPerCamera);
        }
        this.queriesPerCamera = queriesPerCamera;
        this.seed = seed;
    }

    /** Writes the crops under {@code dir}, whose query and gallery folders must be absent or empty. */
    public Summary write(Path dir, List<Crop> crops) throws IOException {
        Objects.requireNonNull(crops, "crops");
        Path queryDir = emptyFolder(dir.resolve(MarketDataset.QUERY));
        Path galleryDir = emptyFolder(dir.resolve(MarketDataset.GALLERY));
        Set<Crop> queries = chooseQueries(crops);
        Map<String, Integer> boxes = new HashMap<>();
        Set<Integer> queryIdentities = new HashSet<>();
        for (Crop crop : crops) {
            // several crops of one identity in one frame and camera differ by Market's box number
            String frameKey = crop.identity() + "/" + crop.camera() + "/" + crop.frame();
            int box = boxes.merge(frameKey, 1, Integer::sum) - 1;
            String name = new MarketName(crop.identity(), crop.camera(), 1, crop.frame(), box).fileName();
            boolean query = queries.contains(crop);
            if (query) {
                queryIdentities.add(crop.identity());
            }
            // CREATE_NEW: box numbers make names unique, so never overwrite silently if that breaks
            Files.write((query ? queryDir : galleryDir).resolve(name), Jpeg.encode(crop.bgr(), JPEG_QUALITY),
                    StandardOpenOption.CREATE_NEW);
        }
        return new Summary(queries.size(), crops.size() - queries.size(), queryIdentities.size());
    }

    /**
     * The crops that become queries, held by reference so that two crops that look alike stay two.
     * Groups are visited in (identity, camera) order and each is ordered by frame before shuffling,
     * so the choice depends on the seed and the crops, not on how the list interleaves groups.
     */
    private Set<Crop> chooseQueries(List<Crop> crops) {
        Map<Long, List<Crop>> groups = new TreeMap<>();
        Map<Integer, Set<Integer>> camerasOf = new HashMap<>();
        for (Crop crop : crops) {
            groups.computeIfAbsent(((long) crop.identity() << 32) | crop.camera(), k -> new ArrayList<>()).add(crop);
            camerasOf.computeIfAbsent(crop.identity(), k -> new HashSet<>()).add(crop.camera());
        }
        Random random = new Random(seed);
        Set<Crop> queries = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<Crop> group : groups.values()) {
            Crop any = group.get(0);
            if (any.identity() <= MarketName.DISTRACTOR || camerasOf.get(any.identity()).size() < 2 || group.size() < 2) {
                continue;
            }
            List<Crop> shuffled = new ArrayList<>(group);
            shuffled.sort(Comparator.comparingInt(Crop::frame)); // stable: ties keep input order
            Collections.shuffle(shuffled, random);
            queries.addAll(shuffled.subList(0, Math.min(queriesPerCamera, group.size() - 1)));
        }
        return queries;
    }

    private static Path emptyFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                if (listing.findAny().isPresent()) {
                    throw new IOException(folder + ": already holds files; write a Market folder into an empty place");
                }
            }
        }
        return Files.createDirectories(folder);
    }
}
