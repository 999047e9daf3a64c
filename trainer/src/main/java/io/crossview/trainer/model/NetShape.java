package io.crossview.trainer.model;

import io.crossview.embedder.runtime.Preprocessing;
import java.util.Arrays;

/**
 * The size of a {@link ReidNet}: input picture, trunk widths, stripes and descriptor sizes.
 *
 * <p>The built-in trunk halves the picture three times (a stride-2 stem and two 2×2 max pools),
 * the imported MobileNetV2 four times, so the height must be a multiple of the trunk's stride
 * whose feature rows split into {@code stripes} equal stripes.
 */
public record NetShape(int height, int width, int[] channels, int stripes, int globalDim, int partDim, Backbone backbone) {
    /** Where the trunk comes from: our own three layers from random weights, or a pretrained import. */
    public enum Backbone {
        /** stem 3x3/2, block 3x3 + pool, block 3x3 + pool: stride 8, widths channels[0..2] */
        BUILTIN(8),
        /**
         * nsfwjs's ImageNet MobileNetV2-1.4 up to its 136-channel stage (stride 16), imported from
         * TF.js: channels[2] must be 136, channels[0..1] are unused
         */
        MOBILENET_V2(16);

        private final int stride;

        Backbone(int stride) {
            this.stride = stride;
        }

        public int stride() {
            return stride;
        }
    }

    /**
     * The default: 128×64 input, 0.2 M parameters, about 0.4 s per training batch of 64 on two
     * CPU cores; at 128×64 a person still keeps the clothing detail that tells people apart.
     * Widths are multiples of 16, which oneDNN handles right (see {@link TorchRuntime}).
     */
    public static final NetShape DEFAULT = new NetShape(128, 64, new int[] {32, 32, 64, 128}, 4, 128, 64);

    /** The pretrained trunk with the default's heads: 128×64 input, 136-channel trunk, 128-wide branches. */
    public static final NetShape MOBILENET_V2 = new NetShape(128, 64, new int[] {136, 136, 136, 128}, 4, 128, 64,
            Backbone.MOBILENET_V2);

    /** A network on the built-in trunk. */
    public NetShape(int height, int width, int[] channels, int stripes, int globalDim, int partDim) {
        this(height, width, channels, stripes, globalDim, partDim, Backbone.BUILTIN);
    }

    public NetShape {
        if (backbone == null) {
            throw new IllegalArgumentException("backbone must be given");
        }
        if (channels == null || channels.length != 4 || Arrays.stream(channels).anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("channels must be four positive widths (stem, block 1, block 2, branches)");
        }
        int stride = backbone.stride();
        if (height < stride || width < stride || height % stride != 0 || width % stride != 0) {
            throw new IllegalArgumentException("input must be a multiple of " + stride + " in both sides for the "
                    + backbone + " trunk, got " + height + "x" + width);
        }
        if (stripes < 1 || (height / stride) % stripes != 0) {
            throw new IllegalArgumentException(stripes + " stripes do not split the " + height / stride + " feature rows of a "
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
        if (backbone == Backbone.MOBILENET_V2) {
            // the TF-Hub MobileNetV2 reads RGB in [0, 1] and scales it to [-1, 1] itself
            return new Preprocessing(height, width, true, new float[] {0, 0, 0}, new float[] {1, 1, 1});
        }
        Preprocessing t = Preprocessing.TORCHREID;
        return new Preprocessing(height, width, true, t.mean(), t.std());
    }

    /** Rows and columns of the branch feature maps. */
    public int featureRows() {
        return height / backbone.stride();
    }

    public int featureCols() {
        return width / backbone.stride();
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
                && s.stripes == stripes && s.globalDim == globalDim && s.partDim == partDim && s.backbone == backbone;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {height, width, Arrays.hashCode(channels), stripes, globalDim, partDim,
            backbone.ordinal()});
    }

    @Override
    public String toString() {
        return height + "x" + width + (backbone == Backbone.BUILTIN ? " channels " + Arrays.toString(channels)
                : " " + backbone + " trunk, branches " + channels[3]) + ", " + stripes + " stripes, "
                + globalDim + "+" + stripes + "x" + partDim + " dims";
    }
}
