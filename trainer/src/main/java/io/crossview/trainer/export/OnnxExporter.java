package io.crossview.trainer.export;

import io.crossview.common.onnx.OnnxGraph;
import io.crossview.embedder.runtime.CalibrationMetadata;
import io.crossview.embedder.runtime.Preprocessing;
import io.crossview.trainer.model.ConvBn;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a trained {@link ReidNet} as an ONNX re-ID model that the embedder runs unchanged:
 * input {@code images} [N,3,H,W], outputs {@code global} [N, G + S·P] (the test-time descriptor)
 * and {@code parts} [N, S, P], with the preprocessing in the model's metadata, and its held-out
 * calibration where the job measured one ({@link CalibrationMetadata}'s keys).
 *
 * <p>Batch normalisation is folded into the convolutions, so the graph is only Conv, Relu,
 * MaxPool, the two poolings, LpNormalization and reshapes (plus Clip, Add and Mul for an
 * imported MobileNetV2 trunk): the inference forward pass of the network, written out op by op.
 */
public final class OnnxExporter {
    public static final String KEY_EPOCHS = "crossview.trained_epochs";
    public static final String KEY_TRAINED_ON = "crossview.trained_on";

    private OnnxExporter() {
    }

    /** What the exporter records about the model besides its weights. */
    public record Provenance(String name, int epochs, String trainedOn) {
    }

    public static byte[] export(ReidNet net, Preprocessing preprocessing, Provenance provenance) {
        return export(net, preprocessing, provenance, null);
    }

    /**
     * @param calibration the model's P(same person | similarity) on held-out pairs, for the
     *                    matcher to start from; null writes none
     */
    public static byte[] export(ReidNet net, Preprocessing preprocessing, Provenance provenance,
                                CalibrationMetadata calibration) {
        NetShape shape = net.shape();
        if (preprocessing.height() != shape.height() || preprocessing.width() != shape.width()) {
            throw new IllegalArgumentException("preprocessing " + preprocessing + " does not match the network input "
                    + shape.height() + "x" + shape.width());
        }
        OnnxGraph g = new OnnxGraph(provenance.name());
        String x = g.floatInput("images", "N", 3, shape.height(), shape.width());
        String trunk;
        java.util.Optional<io.crossview.common.tfjs.ConvChain> imported = net.importedTrunk();
        if (imported.isPresent()) {
            trunk = ChainWriter.write(g, imported.get(), x);
        } else {
            List<ConvBn.Folded> layers = net.foldedTrunk();
            x = relu(g, conv(g, x, layers.get(0)));
            x = maxPool(g, relu(g, conv(g, x, layers.get(1))));
            trunk = maxPool(g, relu(g, conv(g, x, layers.get(2))));
        }
        List<ConvBn.Folded> heads = net.foldedHeads();

        String pooled = g.node("GlobalAveragePool", "global_pool", new String[] {relu(g, conv(g, trunk, heads.get(0)))});
        String global = g.node("Reshape", "global_raw", new String[] {conv(g, pooled, heads.get(1)),
                g.longs("global_shape", new long[] {0, shape.globalDim()}, 2)});

        long rows = shape.featureRows() / shape.stripes();
        String stripes = g.node("AveragePool", "stripe_pool", new String[] {relu(g, conv(g, trunk, heads.get(2)))},
                OnnxGraph.ints("kernel_shape", rows, shape.featureCols()),
                OnnxGraph.ints("strides", rows, shape.featureCols()));
        String partRows = g.node("Reshape", "part_rows", new String[] {conv(g, stripes, heads.get(3)),
                g.longs("part_rows_shape", new long[] {0, shape.partDim(), shape.stripes()}, 3)});
        String parts = g.node("Transpose", "parts", new String[] {partRows}, OnnxGraph.ints("perm", 0, 2, 1));
        String local = g.node("Reshape", "local_raw", new String[] {parts,
                g.longs("local_shape", new long[] {0, shape.localDim()}, 2)});

        g.node("Concat", "global", new String[] {normalise(g, global), normalise(g, local)},
                OnnxGraph.integer("axis", 1));
        g.floatOutput("global", "N", shape.descriptorDim());
        g.floatOutput("parts", "N", shape.stripes(), shape.partDim());
        Map<String, String> metadata = metadata(shape, preprocessing, provenance);
        if (calibration != null) {
            metadata.putAll(calibration.toMetadata());
        }
        return g.toModel("crossview-trainer", metadata);
    }

    /**
     * A pretrained trunk on its own as a re-ID model, for zero-shot measurement: {@code global} is
     * the trunk's feature map averaged over the picture, {@code parts} over each stripe.
     */
    public static byte[] exportTrunk(io.crossview.common.tfjs.ConvChain chain, NetShape shape, Provenance provenance) {
        Preprocessing preprocessing = shape.preprocessing();
        OnnxGraph g = new OnnxGraph(provenance.name());
        String trunk = ChainWriter.write(g, chain, g.floatInput("images", "N", 3, shape.height(), shape.width()));
        int c = chain.outChannels();
        String pooled = g.node("GlobalAveragePool", "global_pool", new String[] {trunk});
        String global = g.node("Reshape", "global_raw", new String[] {pooled, g.longs("global_shape", new long[] {0, c}, 2)});
        long rows = shape.featureRows() / shape.stripes();
        String stripes = g.node("AveragePool", "stripe_pool", new String[] {trunk},
                OnnxGraph.ints("kernel_shape", rows, shape.featureCols()),
                OnnxGraph.ints("strides", rows, shape.featureCols()));
        String partRows = g.node("Reshape", "part_rows", new String[] {stripes,
                g.longs("part_rows_shape", new long[] {0, c, shape.stripes()}, 3)});
        g.node("Transpose", "parts", new String[] {partRows}, OnnxGraph.ints("perm", 0, 2, 1));
        g.node("LpNormalization", "global", new String[] {global}, OnnxGraph.integer("axis", 1), OnnxGraph.integer("p", 2));
        g.floatOutput("global", "N", c);
        g.floatOutput("parts", "N", shape.stripes(), c);
        return g.toModel("crossview-trainer", metadata(shape, preprocessing, provenance));
    }

    private static String conv(OnnxGraph g, String input, ConvBn.Folded layer) {
        String w = g.floats(layer.name() + "_w", layer.weight(), layer.out(), layer.in(), layer.kernel(), layer.kernel());
        String b = g.floats(layer.name() + "_b", layer.bias(), layer.out());
        int pad = layer.pad();
        return g.node("Conv", layer.name() + "_out", new String[] {input, w, b},
                OnnxGraph.ints("kernel_shape", layer.kernel(), layer.kernel()),
                OnnxGraph.ints("strides", layer.stride(), layer.stride()),
                OnnxGraph.ints("pads", pad, pad, pad, pad));
    }

    private static String relu(OnnxGraph g, String input) {
        return g.node("Relu", input + "_relu", new String[] {input});
    }

    private static String maxPool(OnnxGraph g, String input) {
        return g.node("MaxPool", input + "_pool", new String[] {input},
                OnnxGraph.ints("kernel_shape", 2, 2), OnnxGraph.ints("strides", 2, 2));
    }

    private static String normalise(OnnxGraph g, String input) {
        return g.node("LpNormalization", input + "_unit", new String[] {input},
                OnnxGraph.integer("axis", 1), OnnxGraph.integer("p", 2));
    }

    private static Map<String, String> metadata(NetShape shape, Preprocessing p, Provenance provenance) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Preprocessing.KEY_NAME, provenance.name());
        m.put(Preprocessing.KEY_HEIGHT, Integer.toString(p.height()));
        m.put(Preprocessing.KEY_WIDTH, Integer.toString(p.width()));
        m.put(Preprocessing.KEY_MEAN, triple(p.mean()));
        m.put(Preprocessing.KEY_STD, triple(p.std()));
        m.put(Preprocessing.KEY_CHANNEL_ORDER, p.rgb() ? "RGB" : "BGR");
        m.put(Preprocessing.KEY_PARTS, Integer.toString(shape.stripes()));
        m.put(KEY_EPOCHS, Integer.toString(provenance.epochs()));
        m.put(KEY_TRAINED_ON, provenance.trainedOn());
        return m;
    }

    private static String triple(float[] v) {
        return String.format(Locale.ROOT, "%s,%s,%s", v[0], v[1], v[2]);
    }
}
