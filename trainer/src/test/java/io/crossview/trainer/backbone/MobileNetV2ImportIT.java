package io.crossview.trainer.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.crossview.common.models.NpmConfig;
import io.crossview.common.models.PretrainedModels;
import io.crossview.common.tfjs.ConvChain;
import io.crossview.common.tfjs.TfjsGraph;
import io.crossview.common.tfjs.TfjsToOnnx;
import io.crossview.common.sample.SampleVideo;
import io.crossview.trainer.model.Tensors;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real MobileNetV2-1.4 of nsfwjs, imported into LibTorch: it computes what its graph computes. */
@Tag("integration")
class MobileNetV2ImportIT {
    private static ConvChain chain() {
        try {
            return Backbones.mobileNetV2(SampleVideo.defaultCacheDir(), line -> System.err.println("backbone: " + line));
        } catch (IOException e) {
            if (NpmConfig.system().reachable(PretrainedModels.MOBILENET_V2.npmPackage())) {
                fail("the npm registry answers but MobileNetV2 could not be obtained: " + e.getMessage(), e);
            }
            Assumptions.abort("skipped: the npm registry cannot be reached, so there is no MobileNetV2 (" + e.getMessage() + ")");
            return null;
        }
    }

    @Test
    void theImportedMobileNetV2MatchesItsGraphConvertedToOnnx() throws Exception {
        ConvChain chain = chain();
        assertEquals(1792, chain.outChannels());
        TfjsGraph graph = Backbones.read(io.crossview.common.models.ModelCache.atDefault().lookup(
                PretrainedModels.MOBILENET_V2.cachedFileName()));
        String end = chain.steps().get(chain.steps().size() - 1).name();
        int h = 128;
        int w = 64;
        float[] nhwc = new float[h * w * 3];
        Random r = new Random(1);
        for (int i = 0; i < nhwc.length; i++) {
            nhwc[i] = r.nextFloat();
        }
        float[] expected;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(TfjsToOnnx.convert(graph.withOutputs(List.of(end)), Map.of()),
                new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(nhwc), new long[] {1, h, w, 3});
             OrtSession.Result out = session.run(Map.of(chain.input(), in))) {
            OnnxTensor y = (OnnxTensor) out.get(0);
            assertArrayEquals(new long[] {1, h / 32, w / 32, 1792}, y.getInfo().getShape());
            expected = new float[(h / 32) * (w / 32) * 1792];
            y.getFloatBuffer().get(expected);
        }
        try (Module owner = new Module(); NoGradGuard noGrad = new NoGradGuard()) {
            ImportedTrunk trunk = new ImportedTrunk(owner, "mnv2", chain);
            Tensor y = trunk.forward(Tensors.floats(nhwc, 1, h, w, 3).permute(0, 3, 1, 2).contiguous());
            float[] got = Tensors.values(y.permute(0, 2, 3, 1).contiguous());
            double worst = 0;
            double scale = 0;
            for (int i = 0; i < got.length; i++) {
                worst = Math.max(worst, Math.abs(got[i] - expected[i]));
                scale = Math.max(scale, Math.abs(expected[i]));
            }
            System.err.printf("MobileNetV2 import: largest difference %.2e over activations up to %.2f, %d parameters%n",
                    worst, scale, owner.parameters().size());
            assertTrue(worst <= 1e-4, "largest difference " + worst);
        }
    }

    @Test
    void aReidNetworkOnTheRealTrunkExportsWithinTheParityAndTheEmbedderContract() throws Exception {
        chain(); // fetched, or the test is skipped
        ConvChain trunk = Backbones.forShape(io.crossview.trainer.model.NetShape.MOBILENET_V2, SampleVideo.defaultCacheDir(),
                line -> { });
        io.crossview.trainer.model.NetShape shape = io.crossview.trainer.model.NetShape.MOBILENET_V2;
        assertEquals(136, trunk.outChannels());
        try (io.crossview.trainer.model.ReidNet net = new io.crossview.trainer.model.ReidNet(shape, 1, trunk)) {
            int n = 3;
            float[] images = new float[n * 3 * shape.height() * shape.width()];
            Random r = new Random(2);
            for (int i = 0; i < images.length; i++) {
                images[i] = r.nextFloat();
            }
            float[][] expected = net.describe(images, n);
            byte[] onnx = io.crossview.trainer.export.OnnxExporter.export(net, shape.preprocessing(),
                    new io.crossview.trainer.export.OnnxExporter.Provenance("mnv2-it", 0, "test"));
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
                 OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(images),
                         new long[] {n, 3, shape.height(), shape.width()});
                 OrtSession.Result out = session.run(Map.of("images", in))) {
                float[][] got = (float[][]) out.get("global").orElseThrow().getValue();
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < got[i].length; j++) {
                        worst = Math.max(worst, Math.abs(got[i][j] - expected[i][j]));
                    }
                }
                System.err.printf("MobileNetV2 re-ID export: largest difference %.2e%n", worst);
                assertTrue(worst <= 1e-4, "largest difference " + worst);
            }
            try (io.crossview.embedder.runtime.ReidModel model = io.crossview.embedder.runtime.ReidModel.open(onnx)) {
                assertEquals(shape.preprocessing(), model.preprocessing());
            }
        }
    }
}
