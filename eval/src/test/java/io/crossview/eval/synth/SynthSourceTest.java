package io.crossview.eval.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.Box;
import io.crossview.ingest.source.FrameSource;
import io.crossview.ingest.source.SourceFrame;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class SynthSourceTest {
    private static final String URI = "synth://cam2?seed=3&seconds=2&fps=10&width=320&height=240";

    @Test
    void aSynthAddressPlaysOneCameraLikeAVideoFile() throws Exception {
        try (FrameSource source = SynthSource.open(URI, 0)) {
            assertEquals(320, source.width());
            assertEquals(240, source.height());
            assertEquals(10, source.sourceFps());
            assertEquals(1, source.sampleStep());
            assertEquals(20, source.sourceFrames());
            assertEquals("synth://cam2?seed=3&cameras=4&people=12&seconds=2&fps=10&width=320&height=240", source.describe());
            List<Long> numbers = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            while (true) {
                var next = source.next();
                if (next.isEmpty()) {
                    break;
                }
                SourceFrame f = next.get();
                assertEquals(320, f.bgr().cols());
                assertEquals(240, f.bgr().rows());
                numbers.add(f.frameNumber());
                times.add(f.sourcePtsMs());
            }
            assertEquals(20, numbers.size());
            assertEquals(19L, numbers.get(19));
            assertEquals(1900L, times.get(19));
            assertTrue(source.next().isEmpty());
        }
    }

    @Test
    void aLowerTargetRateTakesEveryNthFrameNumberedAsInTheWorld() throws Exception {
        try (FrameSource source = SynthSource.open(URI, 5)) {
            assertEquals(2, source.sampleStep());
            assertEquals(List.of(0L, 2L, 4L), List.of(source.next().orElseThrow().frameNumber(),
                    source.next().orElseThrow().frameNumber(), source.next().orElseThrow().frameNumber()));
        }
    }

    @Test
    void picturesAndGroundTruthAreTheWorlds() throws Exception {
        WorldSpec spec = SynthUri.parse(URI).spec();
        try (SyntheticWorld world = SyntheticWorld.create(spec); SynthSource source = SynthSource.of(world, "cam2", 0)) {
            for (int i = 0; i < 20; i++) {
                SourceFrame f = source.next().orElseThrow();
                try (Mat expected = world.render("cam2", i)) {
                    assertArrayEquals(SyntheticWorldTest.bytes(expected), SyntheticWorldTest.bytes(f.bgr()));
                }
                List<GroundTruthBox> truth = world.groundTruth("cam2", i);
                List<Box> boxes = source.groundTruth(f.frameNumber());
                assertEquals(truth.size(), boxes.size());
                for (int k = 0; k < truth.size(); k++) {
                    assertEquals(truth.get(k).x(), boxes.get(k).getX());
                    assertEquals(truth.get(k).h(), boxes.get(k).getH());
                    assertEquals(truth.get(k).visibility(), boxes.get(k).getScore(), 1e-6);
                    assertEquals(0, boxes.get(k).getClassId());
                }
                assertEquals(truth, source.identities(f.frameNumber()));
            }
            assertTrue(source.groundTruth(20).isEmpty());
        }
    }

    @Test
    void badAddressesAreRefusedBeforeAnythingIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SynthSource.open("synth://cam7", 0));
        assertEquals("synth camera cam7 does not exist in a world of 4 cameras", e.getMessage());
    }
}
