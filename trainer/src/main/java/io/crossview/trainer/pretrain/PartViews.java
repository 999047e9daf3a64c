package io.crossview.trainer.pretrain;

import io.crossview.embedder.runtime.Preprocessing;
import io.crossview.trainer.train.CropResize;
import java.util.SplittableRandom;

/**
 * The views PASS learns from, cut out of one preprocessed picture (channel-first, normalised):
 * global views of most of the person at the network's input size, and one local view per
 * horizontal part, cut from that part's band (a quarter more above and below, so neighbouring
 * parts overlap a little) at a smaller size. Every view is mirrored half the time; crops are
 * resampled bilinearly ({@link CropResize}).
 */
public final class PartViews {
    /** Smallest side of a global view's crop, as a fraction of the picture's. */
    static final double GLOBAL_MIN = 0.7;
    /** Smallest side of a local view's crop, as a fraction of its band's. */
    static final double LOCAL_MIN = 0.6;
    private static final double BAND_OVERLAP = 0.25;

    private final Preprocessing preprocessing;
    private final int parts;

    public PartViews(Preprocessing preprocessing, int parts) {
        if (parts < 1 || preprocessing.height() % parts != 0) {
            throw new IllegalArgumentException(parts + " parts do not split a " + preprocessing.height() + "-pixel picture");
        }
        this.preprocessing = preprocessing;
        this.parts = parts;
    }

    /** Height of a local view: one part's share of the picture. */
    public int localHeight() {
        return preprocessing.height() / parts;
    }

    /** Width of a local view: half the picture's. */
    public int localWidth() {
        return preprocessing.width() / 2;
    }

    /** A global view of {@code src} written into {@code dst} at {@code offset} (the network's input size). */
    public void global(float[] src, float[] dst, int offset, SplittableRandom random) {
        int h = preprocessing.height();
        int w = preprocessing.width();
        int ch = side(h, GLOBAL_MIN, random);
        int cw = side(w, GLOBAL_MIN, random);
        crop(src, random.nextInt(h - ch + 1), random.nextInt(w - cw + 1), ch, cw, dst, offset, h, w,
                random.nextBoolean());
    }

    /** A local view of part {@code part} (0 at the top) at {@link #localHeight()} × {@link #localWidth()}. */
    public void local(float[] src, int part, float[] dst, int offset, SplittableRandom random) {
        int h = preprocessing.height();
        int w = preprocessing.width();
        int band = h / parts;
        int extra = (int) Math.round(band * BAND_OVERLAP);
        int top = Math.max(0, part * band - extra);
        int bottom = Math.min(h, (part + 1) * band + extra);
        int ch = side(band, LOCAL_MIN, random);
        int cw = side(w, LOCAL_MIN, random);
        int y = top + random.nextInt(Math.max(1, bottom - top - ch + 1));
        crop(src, Math.min(y, h - ch), random.nextInt(w - cw + 1), ch, cw, dst, offset, localHeight(), localWidth(),
                random.nextBoolean());
    }

    private static int side(int full, double min, SplittableRandom random) {
        return Math.max(1, (int) Math.round(full * (min + (1 - min) * random.nextDouble())));
    }

    private void crop(float[] src, int y0, int x0, int ch, int cw, float[] dst, int offset, int oh, int ow,
                      boolean mirror) {
        CropResize.apply(src, preprocessing.height(), preprocessing.width(), y0, x0, ch, cw, dst, offset, oh, ow, mirror);
    }
}
