package io.crossview.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.HarvestedCrop;
import io.crossview.embedder.runtime.Preprocessing;
import io.crossview.trainer.model.NetShape;
import io.crossview.trainer.model.ReidNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final NetShape SMALL = new NetShape(64, 32, new int[] {16, 16, 32, 32}, 4, 32, 16);
    static final Preprocessing PRE = new Preprocessing(64, 32, true, Preprocessing.TORCHREID.mean(),
            Preprocessing.TORCHREID.std());
    static final TrainSettings FAST = TrainSettings.DEFAULTS.withBatch(4, 4).withEpochs(3).withThreads(2);
    static TrainingSet data;

    @BeforeAll
    static void makeData() {
        List<HarvestedCrop> crops = TrainingFixtures.crops(10, 8, 3);
        data = TrainingSet.of(crops, TrainingFixtures.labels(crops), PRE);
    }

    @Test
    void trainingPullsPicturesOfOnePersonTogetherAndPushesOthersApart() throws Exception {
        double before;
        List<float[]> initial = new ArrayList<>();
        try (ReidNet untrained = new ReidNet(SMALL, FAST.seed())) {
            before = separation(untrained);
            org.bytedeco.pytorch.TensorVector p = untrained.parameters();
            for (long i = 0; i < p.size(); i++) {
                initial.add(io.crossview.trainer.model.Tensors.values(p.get(i)));
            }
        }
        List<EpochReport> reports = new ArrayList<>();
        try (ReidNet net = new Trainer(FAST.withEpochs(5), SMALL, new Identities())
                .train(data, null, (r, n) -> reports.add(r))) {
            double after = separation(net);
            org.bytedeco.pytorch.TensorVector p = net.parameters();
            for (int i = 0; i < initial.size(); i++) {
                float[] now = io.crossview.trainer.model.Tensors.values(p.get(i));
                assertTrue(!java.util.Arrays.equals(initial.get(i), now), "parameter " + i + " of the network was trained");
            }
            assertTrue(after > before + 0.1, "between-class minus within-class distance " + before + " -> " + after);
        }
        assertEquals(5, reports.size());
        assertTrue(reports.get(4).loss() < reports.get(0).loss(), "loss falls: " + reports);
    }

    @Test
    void aNetworkOnAnImportedTrunkFineTunesTheTrunkAndItsLossFalls(@TempDir Path dir) throws Exception {
        NetShape shape = new NetShape(32, 16, new int[] {8, 8, 8, 8}, 2, 8, 4, NetShape.Backbone.MOBILENET_V2);
        io.crossview.common.tfjs.ConvChain pretrained = io.crossview.trainer.backbone.TinyBackbones.strideSixteen(dir, 8);
        List<HarvestedCrop> crops = TrainingFixtures.crops(10, 8, 3);
        TrainingSet small = TrainingSet.of(crops, TrainingFixtures.labels(crops), shape.preprocessing());
        List<EpochReport> reports = new ArrayList<>();
        try (ReidNet net = new Trainer(FAST.withEpochs(4), shape, new Identities(), pretrained)
                .train(small, null, (r, n) -> reports.add(r))) {
            io.crossview.common.tfjs.ConvChain.Conv first = (io.crossview.common.tfjs.ConvChain.Conv) pretrained.steps().get(2);
            io.crossview.common.tfjs.ConvChain.Conv now = (io.crossview.common.tfjs.ConvChain.Conv)
                    net.importedTrunk().orElseThrow().steps().get(2);
            assertTrue(!java.util.Arrays.equals(first.weight(), now.weight()), "the pretrained stem was fine-tuned");
        }
        assertTrue(reports.get(3).loss() < reports.get(0).loss(), "loss falls: " + reports);
    }

    @Test
    void graphEpochsHaveOneBatchPerClassAndPkEpochsCoverEveryPicture() throws Exception {
        List<EpochReport> graph = new ArrayList<>();
        new Trainer(FAST.withEpochs(1), SMALL, new Identities()).train(data, null, (r, n) -> graph.add(r)).close();
        assertEquals(10, graph.get(0).batches());
        assertTrue(graph.get(0).samplerSeconds() > 0);
        assertTrue(graph.get(0).toLine().startsWith("epoch 1/1  loss "), graph.get(0).toLine());

        List<EpochReport> pk = new ArrayList<>();
        new Trainer(FAST.withEpochs(1).withSampler(TrainSettings.Sampler.PK), SMALL, new Identities())
                .train(data, null, (r, n) -> pk.add(r)).close();
        // 80 pictures, 16 per batch: each of the 10 classes needs 2 turns of 4, 20 turns over P=4 classes a batch.
        assertEquals(5, pk.get(0).batches());
    }

    @Test
    void resumedJobEndsWhereAnUninterruptedOneDoes(@TempDir Path dir) throws Exception {
        float[][] straight;
        try (ReidNet net = new Trainer(FAST, SMALL, new Identities()).train(data, null, null)) {
            straight = Trainer.describe(net, data, IntStream.range(0, 8).toArray());
        }
        Path checkpoints = dir.resolve("ckpt");
        new Trainer(FAST.withEpochs(2), SMALL, new Identities()).train(data, checkpoints, null).close();
        // The settings differ in epochs only, which a resume may extend.
        List<Integer> epochs = new ArrayList<>();
        try (ReidNet net = new Trainer(FAST, SMALL, new Identities()).train(data, checkpoints, (r, n) -> epochs.add(r.epoch()))) {
            assertEquals(List.of(3), epochs, "only the missing epoch runs");
            float[][] resumed = Trainer.describe(net, data, IntStream.range(0, 8).toArray());
            for (int i = 0; i < resumed.length; i++) {
                assertArrayEquals(straight[i], resumed[i], 1e-4f);
            }
        }
    }

    @Test
    void checkpointOfOtherDataIsRefusedWithAReadableReason(@TempDir Path dir) throws Exception {
        new Trainer(FAST.withEpochs(1), SMALL, new Identities()).train(data, dir, null).close();
        List<HarvestedCrop> other = TrainingFixtures.crops(6, 8, 4);
        TrainingSet otherData = TrainingSet.of(other, TrainingFixtures.labels(other), PRE);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Trainer(FAST, SMALL, new Identities()).train(otherData, dir, null));
        assertTrue(e.getMessage().contains("remove the checkpoint folder"), e.getMessage());
    }

    @Test
    void pseudoLabelTrainingReclustersEveryEpochWithTheCurrentNetwork() throws Exception {
        List<EpochReport> reports = new ArrayList<>();
        double before;
        try (ReidNet untrained = new ReidNet(SMALL, FAST.seed())) {
            before = separation(untrained);
        }
        try (ReidNet net = new Trainer(FAST.withLabels(TrainSettings.Labels.CLUSTERS).withEpochs(3), SMALL,
                new Clusters(io.crossview.trainer.labels.PseudoLabels.Settings.DEFAULTS)).train(data, null, (r, n) -> reports.add(r))) {
            assertTrue(separation(net) > before, "pseudo-labels alone separate the people better than the untrained network");
        }
        assertEquals(3, reports.size());
        for (EpochReport r : reports) {
            assertTrue(r.labelSeconds() > 0, "clustered in epoch " + r.epoch());
            assertTrue(r.labelSummary().contains("clusters"), r.labelSummary());
            assertTrue(r.classes() >= 2);
        }
    }

    /** Mean distance to other people's pictures minus mean distance to one's own. */
    static double separation(ReidNet net) {
        return TrainingFixtures.separation(net, data);
    }
}
