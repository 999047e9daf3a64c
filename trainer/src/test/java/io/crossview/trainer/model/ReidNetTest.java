package io.crossview.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.tfjs.ConvChain;
import io.crossview.trainer.backbone.TinyBackbones;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReidNetTest {
    private static final NetShape IMPORTED = new NetShape(32, 16, new int[] {8, 8, 8, 8}, 2, 8, 4,
            NetShape.Backbone.MOBILENET_V2);

    @Test
    void anImportedTrunkNetworkDescribesAPictureWithTheContractsSizes(@TempDir Path dir) throws Exception {
        try (ReidNet net = new ReidNet(IMPORTED, 1, TinyBackbones.strideSixteen(dir, 8))) {
            float[][] rows = net.describe(new float[2 * 3 * 32 * 16], 2);
            assertEquals(2, rows.length);
            assertEquals(IMPORTED.descriptorDim(), rows[0].length);
            assertTrue(net.importedTrunk().isPresent());
            assertThrows(IllegalStateException.class, net::foldedTrunk);
        }
    }

    @Test
    void aTrunkThatDoesNotFitTheShapeIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        ConvChain eight = TinyBackbones.strideSixteen(dir, 8);
        NetShape wider = new NetShape(32, 16, new int[] {16, 16, 16, 8}, 2, 8, 4, NetShape.Backbone.MOBILENET_V2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReidNet(wider, 1, eight));
        assertEquals("the pretrained trunk ends in 8 channels, the shape says 16", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReidNet(IMPORTED, 1));
        assertEquals("a MOBILENET_V2 network needs its pretrained chain", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReidNet(NetShape.DEFAULT, 1, eight));
        assertEquals("the built-in trunk takes no pretrained chain", e.getMessage());
    }

    @Test
    void theImportedShapeNeedsSixteenPixelSidesAndReadsPicturesInZeroToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetShape(40, 16, new int[] {8, 8, 8, 8}, 2, 8, 4, NetShape.Backbone.MOBILENET_V2));
        assertTrue(e.getMessage().contains("multiple of 16"), e.getMessage());
        assertEquals(0f, NetShape.MOBILENET_V2.preprocessing().mean()[0]);
        assertEquals(1f, NetShape.MOBILENET_V2.preprocessing().std()[2]);
        assertEquals(8, NetShape.MOBILENET_V2.featureRows());
    }
}
