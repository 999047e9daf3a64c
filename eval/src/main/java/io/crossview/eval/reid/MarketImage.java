package io.crossview.eval.reid;

import java.nio.file.Path;
import java.util.Objects;

/** One evaluation image: its file, and the identity and camera its Market-1501 name gives. */
public record MarketImage(Path path, int identity, int camera) {
    public MarketImage {
        Objects.requireNonNull(path, "path");
        if (identity < MarketName.JUNK || camera < 1) {
            throw new IllegalArgumentException("bad identity " + identity + " or camera " + camera + " for " + path);
        }
    }

    /** The image at {@code path}, labelled by its file name; IllegalArgumentException naming it when the name is not Market's. */
    public static MarketImage of(Path path) {
        MarketName name = MarketName.parse(path.getFileName().toString());
        return new MarketImage(path, name.identity(), name.camera());
    }
}
