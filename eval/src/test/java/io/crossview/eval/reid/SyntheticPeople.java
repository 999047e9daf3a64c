package io.crossview.eval.reid;

import io.crossview.embedder.testing.Pictures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Labelled crops of drawn people for evaluation tests: each identity wears its own pair of shirt
 * and trouser colours; camera 1 sees at full light, camera 2 darker; every crop is shifted,
 * scaled and noised a little differently.
 */
final class SyntheticPeople {
    /** BGR. Six colours far apart in chromaticity or brightness. */
    private static final Scalar[] PALETTE = {
            Pictures.RED, Pictures.BLUE, Pictures.GREEN, Pictures.YELLOW, Pictures.DARK,
            new Scalar(180, 50, 180, 0), // magenta
    };
    private static final double[] CAMERA_GAIN = {1.0, 0.65};

    private SyntheticPeople() {
    }

    /** {@code perCamera} crops of each of {@code identities} people (at most 30) in each of two cameras. */
    static List<MarketWriter.Crop> crops(int identities, int perCamera, long seed) {
        List<int[]> outfits = outfits();
        if (identities > outfits.size()) {
            throw new IllegalArgumentException("at most " + outfits.size() + " distinct outfits");
        }
        Random random = new Random(seed);
        List<MarketWriter.Crop> out = new ArrayList<>();
        for (int id = 1; id <= identities; id++) {
            int[] outfit = outfits.get(id - 1);
            for (int camera = 1; camera <= CAMERA_GAIN.length; camera++) {
                for (int i = 0; i < perCamera; i++) {
                    int dx = random.nextInt(7) - 3;
                    int dy = random.nextInt(7) - 3;
                    double scale = 0.85 + 0.15 * random.nextDouble();
                    out.add(new MarketWriter.Crop(id, camera, 100 * id + 10 * i,
                            Pictures.person(PALETTE[outfit[0]], PALETTE[outfit[1]], dx, dy, scale,
                                    CAMERA_GAIN[camera - 1], random.nextLong())));
                }
            }
        }
        return out;
    }

    /**
     * The same crops with identities shuffled among them: labels that no longer follow
     * appearance, the negative control of an evaluation. Shares the crops' Mats.
     */
    static List<MarketWriter.Crop> shuffledIdentities(List<MarketWriter.Crop> crops, long seed) {
        List<Integer> ids = new ArrayList<>(crops.stream().map(MarketWriter.Crop::identity).toList());
        Collections.shuffle(ids, new Random(seed));
        List<MarketWriter.Crop> out = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            MarketWriter.Crop c = crops.get(i);
            out.add(new MarketWriter.Crop(ids.get(i), c.camera(), c.frame(), c.bgr()));
        }
        return out;
    }

    static void close(List<MarketWriter.Crop> crops) {
        crops.forEach(c -> c.bgr().close());
    }

    /** Every (shirt, trousers) pair of different colours, interleaved so neighbours differ in both. */
    private static List<int[]> outfits() {
        List<int[]> out = new ArrayList<>();
        for (int shift = 1; shift < PALETTE.length; shift++) {
            for (int shirt = 0; shirt < PALETTE.length; shirt++) {
                out.add(new int[] {shirt, (shirt + shift) % PALETTE.length});
            }
        }
        return out;
    }
}
