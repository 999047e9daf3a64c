package io.crossview.trainer.model;

import io.crossview.embedder.runtime.Preprocessing;
import java.util.Arrays;

/**
 * The size of a {@link ReidNet}: input picture, trunk widths, stripes and descriptor sizes.
 *
 * <p>The trunk halves the picture three times (a stride-2 stem and two 2×2 max pools), so the
 * height must be a multiple of 8 whose eighth splits into {@code stripes} equal stripes.
 */
public record NetShape(int height, int width, int[] channels, int stripes, int globalDim, int partDim) {
    /**
     * The default: 128×64 input, 0.2 M parameters, about 0.15 s per training batch of 64 on two
     * CPU cores; at 128×64 a person still keeps the clothing detail that tells people apart.
     * Widths are multiples of 16, which oneDNN handles right (see {@link TorchRuntime}).
     */
    public static final NetShape DEFAULT = new NetShape(128, 64, new int[] {32, 32, 64, 128}, 4, 128, 64);

    public NetShape {
        if (channels == null || channels.length != 4 || Arrays.stream(channels).anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("channels must be four positive widths (stem, block 1, block 2, branches)");
        }
        if (height < 8 || width < 8 || height % 8 != 0 || width % 8 != 0) {
            throw new IllegalArgumentException("input must be a multiple of 8 in both sides, got " + height + "x" + width);
        }
        if (stripes < 1 || (height / 8) % stripes != 0) {
            throw new IllegalArgumentException(stripes + " stripes do not split the " + height / 8 + " feature rows of a "
                    + height + "-pixel input evenly");
        }
        if (globalDim < 1 || partDim < 1) {
            throw new IllegalArgumentException("descriptor sizes must be positive");
        }
        channels = channels.clone();
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    /**
     * How pictures are prepared for this network, in training and in the embedder alike:
     * torchreid's RGB ImageNet statistics at the network's input size, so our exports and
     * theirs preprocess the same way.
     */
    public Preprocessing preprocessing() {
        Preprocessing t = Preprocessing.TORCHREID;
        return new Preprocessing(height, width, true, t.mean(), t.std());
    }

    /** Rows and columns of the branch feature maps. */
    public int featureRows() {
        return height / 8;
    }

    public int featureCols() {
        return width / 8;
    }

    /** Length of the local branch's descriptor: all stripes side by side. */
    public int localDim() {
        return stripes * partDim;
    }

    /** Length of the test-time descriptor: global then local, as JLML concatenates them. */
    public int descriptorDim() {
        return globalDim + localDim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetShape s && s.height == height && s.width == width && Arrays.equals(s.channels, channels)
                && s.stripes == stripes && s.globalDim == globalDim && s.partDim == partDim;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {height, width, Arrays.hashCode(channels), stripes, globalDim, partDim});
    }

    @Override
    public String toString() {
        return height + "x" + width + " channels " + Arrays.toString(channels) + ", " + stripes + " stripes, "
                + globalDim + "+" + stripes + "x" + partDim + " dims";
    }
}
