package io.crossview.trainer.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.crossview.common.calibration.Logistic;
import io.crossview.embedder.runtime.CalibrationMetadata;
import io.crossview.embedder.runtime.Embedding;
import io.crossview.embedder.runtime.Preprocessing;
import io.crossview.embedder.runtime.ReidModel;
import io.crossview.trainer.backbone.TinyBackbones;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import io.crossview.trainer.model.Tensors;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExporterTest {
    private static final NetShape SMALL = new NetShape(64, 32, new int[] {8, 8, 16, 16}, 4, 16, 8);
    private static final Preprocessing PRE_SMALL = new Preprocessing(64, 32, true,
            Preprocessing.TORCHREID.mean(), Preprocessing.TORCHREID.std());
    private static final OnnxExporter.Provenance PROVENANCE = new OnnxExporter.Provenance("test-net", 3, "unit test");

    @Test
    void exportedModelMatchesTheTrainingForwardPassInOnnxRuntime() throws Exception {
        try (ReidNet net = trainedABit(SMALL)) {
            int n = 5;
            float[] images = noise(n, SMALL, 7);
            float[][] expected = net.describe(images, n);
            byte[] onnx = OnnxExporter.export(net, PRE_SMALL, PROVENANCE);

            float[][] actual = runOrt(onnx, images, n, SMALL);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], actual[i], 1e-4f, "descriptor of image " + i);
            }
        }
    }

    @Test
    void defaultNetworkExportsWithTheSameParity() throws Exception {
        try (ReidNet net = new ReidNet(NetShape.DEFAULT, 3)) {
            Preprocessing pre = new Preprocessing(128, 64, true, Preprocessing.TORCHREID.mean(), Preprocessing.TORCHREID.std());
            float[] images = noise(2, NetShape.DEFAULT, 9);
            float[][] expected = net.describe(images, 2);
            float[][] actual = runOrt(OnnxExporter.export(net, pre, PROVENANCE), images, 2, NetShape.DEFAULT);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(expected[i], actual[i], 1e-4f);
            }
            assertEquals(NetShape.DEFAULT.descriptorDim(), actual[0].length);
        }
    }

    @Test
    void embedderRunsTheExportUnchangedWithItsOwnPreprocessingAndParts() throws Exception {
        try (ReidNet net = trainedABit(SMALL)) {
            byte[] onnx = OnnxExporter.export(net, PRE_SMALL, PROVENANCE);
            try (ReidModel model = ReidModel.open(onnx); Mat crop = new Mat(90, 40, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
                org.bytedeco.opencv.global.opencv_core.randu(crop, new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F,
                        new org.bytedeco.javacpp.DoublePointer(0.0)), new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F,
                        new org.bytedeco.javacpp.DoublePointer(255.0)));
                assertEquals(PRE_SMALL, model.preprocessing(), "the embedder reads the preprocessing from the metadata");
                assertTrue(model.version().startsWith("test-net"), model.version());

                Embedding embedding = model.embed(List.of(crop)).get(0);
                float[] input = new float[PRE_SMALL.floatsPerCrop()];
                PRE_SMALL.fill(crop, input, 0);
                float[] expected = Embedding.normalised(net.describe(input, 1)[0]);
                assertArrayEquals(expected, embedding.global(), 1e-4f);
                assertEquals(SMALL.stripes(), embedding.parts().length);
                assertEquals(SMALL.partDim(), embedding.parts()[0].length);
            }
        }
    }

    @Test
    void aNetworkOnAnImportedTrunkExportsItsTrainedWeightsWithinTheParityAndKeepsTheContract(@TempDir Path dir)
            throws Exception {
        NetShape shape = new NetShape(32, 16, new int[] {8, 8, 8, 8}, 2, 8, 4, NetShape.Backbone.MOBILENET_V2);
        io.crossview.common.tfjs.ConvChain pretrained = TinyBackbones.strideSixteen(dir, 8);
        try (ReidNet net = trainedABit(new ReidNet(shape, 11, pretrained), shape)) {
            float[] before = pretrained.steps().stream().filter(s -> s instanceof io.crossview.common.tfjs.ConvChain.Conv)
                    .map(s -> ((io.crossview.common.tfjs.ConvChain.Conv) s).weight()).findFirst().orElseThrow();
            float[] after = ((io.crossview.common.tfjs.ConvChain.Conv) net.importedTrunk().orElseThrow().steps().get(2))
                    .weight();
            assertTrue(!java.util.Arrays.equals(before, after), "training moved the imported weights");
            int n = 4;
            float[] images = noise(n, shape, 5);
            for (int i = 0; i < images.length; i++) {
                images[i] = Math.abs(images[i]) % 1f; // the trunk reads [0, 1]
            }
            float[][] expected = net.describe(images, n);
            byte[] onnx = OnnxExporter.export(net, shape.preprocessing(), PROVENANCE);
            float[][] actual = runOrt(onnx, images, n, shape);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], actual[i], 1e-4f, "descriptor of image " + i);
            }
            try (ReidModel model = ReidModel.open(onnx)) {
                assertEquals(shape.preprocessing(), model.preprocessing(), "mean 0, std 1: the trunk scales its input");
            }
        }
    }

    @Test
    void aTrunkExportedOnItsOwnGivesItsFeaturesAveragedOverThePictureAndPerStripe(@TempDir Path dir) throws Exception {
        NetShape shape = new NetShape(32, 16, new int[] {8, 8, 8, 8}, 2, 8, 4, NetShape.Backbone.MOBILENET_V2);
        io.crossview.common.tfjs.ConvChain chain = TinyBackbones.strideSixteen(dir, 8);
        int n = 2;
        float[] images = noise(n, shape, 4);
        float[] maps; // [n, 8, 2, 1]: the stride-16 trunk leaves 2 rows and 1 column of a 32x16 picture
        try (org.bytedeco.pytorch.Module owner = new org.bytedeco.pytorch.Module();
             org.bytedeco.pytorch.NoGradGuard noGrad = new org.bytedeco.pytorch.NoGradGuard()) {
            io.crossview.trainer.backbone.ImportedTrunk trunk = new io.crossview.trainer.backbone.ImportedTrunk(owner,
                    "t", chain);
            maps = Tensors.values(trunk.forward(Tensors.floats(images, n, 3, 32, 16)));
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(OnnxExporter.exportTrunk(chain, shape, PROVENANCE), opts());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(images), new long[] {n, 3, 32, 16});
             OrtSession.Result result = session.run(Map.of("images", input))) {
            float[][] global = (float[][]) result.get("global").orElseThrow().getValue();
            float[][][] parts = (float[][][]) result.get("parts").orElseThrow().getValue();
            for (int i = 0; i < n; i++) {
                float[] mean = new float[8];
                for (int c = 0; c < 8; c++) {
                    float top = maps[(i * 8 + c) * 2];
                    float bottom = maps[(i * 8 + c) * 2 + 1];
                    mean[c] = (top + bottom) / 2;
                    assertEquals(top, parts[i][0][c], 1e-4f, "stripe 0 is the top row");
                    assertEquals(bottom, parts[i][1][c], 1e-4f, "stripe 1 is the bottom row");
                }
                assertArrayEquals(Embedding.normalised(mean), global[i], 1e-4f);
            }
        }
    }

    @Test
    void aCalibrationIsWrittenIntoTheMetadataForTheEmbedderToRead() {
        CalibrationMetadata calibration = new CalibrationMetadata(Logistic.through(0.8, 25), Logistic.through(0.6, 20),
                140, 1300);
        try (ReidNet net = new ReidNet(SMALL, 1);
             ReidModel plain = ReidModel.open(OnnxExporter.export(net, PRE_SMALL, PROVENANCE));
             ReidModel calibrated = ReidModel.open(OnnxExporter.export(net, PRE_SMALL, PROVENANCE, calibration))) {
            assertTrue(plain.calibration().isEmpty());
            assertEquals(calibration, calibrated.calibration().orElseThrow());
        }
    }

    @Test
    void preprocessingOfAnotherSizeIsRefused() {
        try (ReidNet net = new ReidNet(SMALL, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OnnxExporter.export(net, Preprocessing.TORCHREID, PROVENANCE));
            assertTrue(e.getMessage().contains("does not match the network input 64x32"), e.getMessage());
        }
    }

    /** A few optimiser steps so that the weights, the affine BN terms and the running statistics all move. */
    static ReidNet trainedABit(NetShape shape) {
        return trainedABit(new ReidNet(shape, 11), shape);
    }

    static ReidNet trainedABit(ReidNet net, NetShape shape) {
        Adam adam = new Adam(net.parameters(), new AdamOptions(0.05));
        net.train(true);
        for (int step = 0; step < 3; step++) {
            try (PointerScope scope = new PointerScope()) {
                Tensor x = Tensors.floats(noise(8, shape, step), 8, 3, shape.height(), shape.width());
                ReidNet.Features f = net.forward(x, true);
                Tensor loss = f.global().pow(new org.bytedeco.pytorch.Scalar(2)).mean().add(f.local().mean());
                adam.zero_grad();
                loss.backward();
                adam.step();
            }
        }
        return net;
    }

    static float[] noise(int n, NetShape shape, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * 3 * shape.height() * shape.width()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    static OrtSession.SessionOptions opts() throws Exception {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        if (System.getenv("NOOPT") != null) o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
        return o;
    }

    static float[][] runOrt(byte[] onnx, float[] images, int n, NetShape shape) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, opts());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(images),
                     new long[] {n, 3, shape.height(), shape.width()});
             OrtSession.Result result = session.run(Map.of("images", input))) {
            float[][] global = (float[][]) result.get("global").orElseThrow().getValue();
            float[][][] parts = (float[][][]) result.get("parts").orElseThrow().getValue();
            assertEquals(shape.stripes(), parts[0].length);
            return global;
        }
    }
}
