package io.crossview.eval.reid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The query and gallery images of a Market-1501 style folder ({@code DIR/query},
 * {@code DIR/bounding_box_test}), labelled by their file names.
 *
 * <p>As in torchreid's {@code Market1501} dataset and Market-1501's own evaluation, junk images
 * (identity -1) are left out everywhere: they must neither help nor hurt a ranking. Distractors
 * (identity 0) stay in the gallery as negatives. Distractors among the queries are left out too:
 * they are nobody to look for (the real query set has none).
 *
 * @param ignored how many images were left out: junk anywhere, distractors among the queries
 */
public record MarketDataset(List<MarketImage> query, List<MarketImage> gallery, int ignored) {
    public static final String QUERY = "query";
    public static final String GALLERY = "bounding_box_test";

    public MarketDataset {
        query = List.copyOf(query);
        gallery = List.copyOf(gallery);
        if (ignored < 0) {
            throw new IllegalArgumentException("ignored count must not be negative, got " + ignored);
        }
    }

    /**
     * Reads the two folders. Files that are not images (Thumbs.db, hidden files) are passed over;
     * an image whose name is not Market's pattern is an error, since silently dropping it would
     * change the metrics. Every problem is one IOException line naming the folder or file.
     */
    public static MarketDataset load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "Market-1501 data folder not found");
        }
        Path queryDir = folder(dir, QUERY);
        Path galleryDir = folder(dir, GALLERY);
        List<MarketImage> query = new ArrayList<>();
        List<MarketImage> gallery = new ArrayList<>();
        int ignored = 0;
        for (MarketImage image : images(queryDir)) {
            if (image.identity() > MarketName.DISTRACTOR) {
                query.add(image);
            } else {
                ignored++;
            }
        }
        for (MarketImage image : images(galleryDir)) {
            if (image.identity() != MarketName.JUNK) {
                gallery.add(image);
            } else {
                ignored++;
            }
        }
        if (query.isEmpty()) {
            throw new IOException(queryDir + ": no query images of a person (named like " + MarketName.EXAMPLE
                    + ", identity 1 or more)");
        }
        if (gallery.isEmpty()) {
            throw new IOException(galleryDir + ": no gallery images (named like " + MarketName.EXAMPLE
                    + ", junk -1 does not count)");
        }
        return new MarketDataset(query, gallery, ignored);
    }

    private static Path folder(Path dir, String name) throws IOException {
        Path folder = dir.resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "Market-1501 folder missing (a Market folder holds "
                    + QUERY + "/ and " + GALLERY + "/)");
        }
        return folder;
    }

    /** The images of one folder, sorted by name so that every run sees the same order. */
    private static List<MarketImage> images(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> MarketName.isImageFile(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        List<MarketImage> out = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                out.add(MarketImage.of(file));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** How many images an evaluation embeds: queries and gallery. */
    public int size() {
        return query.size() + gallery.size();
    }
}
