package io.crossview.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.wire.HarvestedCrop;
import io.crossview.eval.reid.ReidReport;
import io.crossview.embedder.model.AppearanceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in model measured on held-out crops of drawn people. */
class HeldOutEvaluationTest {
    private static final HeldOutSplit.Rule ALL = new HeldOutSplit.Rule(1.0, 0);
    private static final byte[] BUILTIN = AppearanceModel.build();

    @TempDir
    Path dir;

    @Test
    void distinctlyDressedPeopleAreAllFoundAtRankOne() {
        HeldOutSplit split = HeldOutSplit.of(DrawnPeople.crops("s", DrawnPeople.SEPARABLE, 2, 1, 4, 1), ALL);
        ReidReport r = new HeldOutEvaluation().evaluate(BUILTIN, split);
        assertEquals(2 * DrawnPeople.SEPARABLE, r.queriesEvaluated());
        assertEquals(0, r.queriesSkipped());
        assertEquals(2 * DrawnPeople.SEPARABLE * 3, r.gallerySize());
        assertEquals(1.0, r.rank1(), r.toText());
        assertTrue(r.mAP() > 0.9, r.toText());
        assertTrue(r.modelVersion().startsWith(AppearanceModel.NAME + "@"), r.modelVersion());
    }

    @Test
    void identitiesThatDoNotFollowAppearanceScoreLower() {
        List<HarvestedCrop> crops = DrawnPeople.crops("s", DrawnPeople.SEPARABLE, 2, 1, 4, 1);
        HeldOutEvaluation evaluation = new HeldOutEvaluation();
        ReidReport real = evaluation.evaluate(BUILTIN, HeldOutSplit.of(crops, ALL));
        ReidReport scrambled = evaluation.evaluate(BUILTIN, HeldOutSplit.of(DrawnPeople.shuffledIdentities(crops, 5), ALL));
        assertTrue(scrambled.rank1() < 0.6, scrambled.toText());
        assertTrue(real.mAP() - scrambled.mAP() > 0.4, real.toText() + scrambled.toText());
    }

    @Test
    void peopleSeenByOneCameraAreFoundAcrossTheirTracks() {
        HeldOutSplit split = HeldOutSplit.of(DrawnPeople.crops("s", DrawnPeople.SEPARABLE, 1, 3, 2, 2), ALL);
        ReidReport r = new HeldOutEvaluation().evaluate(BUILTIN, split);
        // one query per person, its own track left out: 2 other tracks x 2 crops each
        assertEquals(DrawnPeople.SEPARABLE, r.queriesEvaluated());
        assertEquals(0, r.queriesSkipped(), "the other tracks count as matches");
        assertEquals(DrawnPeople.SEPARABLE * 4, r.gallerySize());
        assertEquals(1.0, r.rank1(), r.toText());
    }

    @Test
    void batchSizeDoesNotChangeTheFiguresAndProgressIsReported() throws Exception {
        HeldOutSplit split = HeldOutSplit.of(DrawnPeople.crops("s", 4, 2, 1, 3, 3), ALL);
        List<String> calls = new ArrayList<>();
        ReidReport batched = new HeldOutEvaluation(1, 5, 10, (done, total) -> calls.add(done + "/" + total))
                .evaluate(BUILTIN, split);
        Path file = Files.write(dir.resolve("builtin.onnx"), BUILTIN);
        assertEquals(new HeldOutEvaluation().evaluate(file, split), batched);
        // 8 queries (5, 8), then 16 gallery (13, 18, 23, 24): a call on passing each 10, and at the end
        assertEquals(List.of("13/24", "23/24", "24/24"), calls);
    }

    @Test
    void aCropThatIsNotAPictureIsNamed() {
        List<HarvestedCrop> crops = new ArrayList<>(DrawnPeople.crops("s", 3, 2, 1, 2, 4));
        crops.set(0, crops.get(0).toBuilder().setJpeg(ByteString.copyFromUtf8("not a picture")).build());
        HeldOutSplit split = HeldOutSplit.of(crops, ALL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeldOutEvaluation().evaluate(BUILTIN, split));
        assertTrue(e.getMessage().startsWith("held-out crop of s/1 camera cam1 track 101: "), e.getMessage());
    }

    @Test
    void bytesThatAreNotAModelAreRefused() {
        HeldOutSplit split = HeldOutSplit.of(DrawnPeople.crops("s", 3, 2, 1, 2, 4), ALL);
        assertThrows(IllegalArgumentException.class, () -> new HeldOutEvaluation().evaluate(new byte[] {1, 2}, split));
        assertThrows(IllegalArgumentException.class, () -> new HeldOutEvaluation(1, 0, 1, (d, t) -> { }));
    }
}
