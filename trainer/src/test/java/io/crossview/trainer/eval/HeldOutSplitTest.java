package io.crossview.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.HarvestedCrop;
import io.crossview.trainer.store.CropStore;
import io.crossview.trainer.store.CropStoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutSplitTest {
    private static final HeldOutSplit.Rule ALL = new HeldOutSplit.Rule(1.0, 0);
    private static int content;

    @TempDir
    Path dir;

    /** A crop whose picture is unique bytes (the split never decodes it), or the given ones. */
    private static HarvestedCrop crop(long identity, String camera, long track, float quality) {
        int c = ++content;
        return crop(identity, camera, track, quality, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) (c >> 8), (byte) c});
    }

    private static HarvestedCrop crop(long identity, String camera, long track, float quality, byte[] jpeg) {
        return DrawnPeople.crop("s", identity, camera, track, quality, jpeg);
    }

    /** Two identities seen by two cameras, two crops each: always evaluable. */
    private static List<HarvestedCrop> twoPeople(long first) {
        List<HarvestedCrop> out = new ArrayList<>();
        for (long id = first; id < first + 2; id++) {
            for (String camera : List.of("a", "b")) {
                out.add(crop(id, camera, 1, 0.5f));
                out.add(crop(id, camera, 1, 0.4f));
            }
        }
        return out;
    }

    private static List<HarvestedCrop> manyPeople(int people) {
        List<HarvestedCrop> out = new ArrayList<>();
        for (int id = 1; id <= people; id++) {
            out.add(crop(id, "a", 1, 0.5f));
            out.add(crop(id, "b", 2, 0.5f));
        }
        return out;
    }

    @Test
    void theSameCropsGiveTheSameSplitInWhateverOrderTheyCome() {
        List<HarvestedCrop> crops = manyPeople(100);
        HeldOutSplit split = HeldOutSplit.of(crops, HeldOutSplit.Rule.defaults());
        List<HarvestedCrop> shuffled = new ArrayList<>(crops);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(split, HeldOutSplit.of(shuffled, HeldOutSplit.Rule.defaults()));
        assertEquals(100, split.trainLabels().size() + split.heldOutLabels().size());
    }

    @Test
    void aLabelKeepsItsSideWhenCropsAndNewLabelsArrive() {
        List<HarvestedCrop> crops = manyPeople(200);
        HeldOutSplit before = HeldOutSplit.of(crops, HeldOutSplit.Rule.defaults());
        List<HarvestedCrop> more = new ArrayList<>(crops);
        more.addAll(manyPeople(400)); // new crops of the first 200, and 200 new people
        HeldOutSplit after = HeldOutSplit.of(more, HeldOutSplit.Rule.defaults());
        assertTrue(after.trainLabels().containsAll(before.trainLabels()));
        assertTrue(after.heldOutLabels().containsAll(before.heldOutLabels()));
        assertTrue(after.heldOutLabels().size() > before.heldOutLabels().size(), "some new people are held out");
    }

    @Test
    void aboutTheFractionOfLabelsIsHeldOutAndTheSeedChoosesWhich() {
        List<String> labels = IntStream.rangeClosed(1, 2000).mapToObj(i -> "site/" + i).toList();
        Set<String> seed0 = new HashSet<>(labels.stream().filter(new HeldOutSplit.Rule(0.2, 0)::isHeldOut).toList());
        Set<String> seed1 = new HashSet<>(labels.stream().filter(new HeldOutSplit.Rule(0.2, 1)::isHeldOut).toList());
        // binomial(2000, 0.2): 400 +- 18
        assertTrue(seed0.size() > 330 && seed0.size() < 470, "held out " + seed0.size());
        assertTrue(seed1.size() > 330 && seed1.size() < 470, "held out " + seed1.size());
        assertNotEquals(seed0, seed1);
        long half = labels.stream().filter(new HeldOutSplit.Rule(0.5, 0)::isHeldOut).count();
        assertTrue(half > 900 && half < 1100, "held out " + half);
        assertTrue(labels.stream().allMatch(new HeldOutSplit.Rule(1.0, 7)::isHeldOut));
    }

    @Test
    void eachCameraGivesItsBestCropAsTheQueryAndTheRestToTheGallery() {
        List<HarvestedCrop> crops = new ArrayList<>(twoPeople(1));
        crops.addAll(List.of(crop(9, "cam1", 1, 0.3f), crop(9, "cam1", 2, 0.9f), crop(9, "cam1", 1, 0.5f),
                crop(9, "cam2", 3, 0.7f), crop(9, "cam2", 3, 0.2f)));
        HeldOutSplit split = HeldOutSplit.of(crops, ALL);
        List<HeldOutCrop> queries = split.query().stream().filter(c -> c.label().equals("s/9")).toList();
        assertEquals(List.of("cam1 0.9 view 1", "cam2 0.7 view 2"), queries.stream().map(HeldOutSplitTest::show).toList());
        assertEquals(List.of("cam1 0.5 view 1", "cam1 0.3 view 1", "cam2 0.2 view 2"), split.gallery().stream()
                .filter(c -> c.label().equals("s/9")).map(HeldOutSplitTest::show).toList());
        assertEquals(List.of("s/1", "s/2", "s/9"), split.heldOutLabels());
        assertEquals(List.of(), split.trainLabels());
        assertEquals(3, split.evaluatedIdentities());
        assertEquals("0 identities to train on, 3 held out (3 evaluated): 6 queries, 7 gallery", split.summary());
    }

    @Test
    void equalQualityIsDecidedByThePicturesBytes() {
        HarvestedCrop low = crop(9, "cam1", 1, 0.5f, new byte[] {1, 2, 3});
        HarvestedCrop high = crop(9, "cam1", 1, 0.5f, new byte[] {1, 2, 4});
        HarvestedCrop other = crop(9, "cam2", 1, 0.5f);
        HarvestedCrop another = crop(9, "cam2", 1, 0.5f);
        for (List<HarvestedCrop> order : List.of(List.of(low, high, other, another),
                List.of(another, other, high, low))) {
            List<HarvestedCrop> crops = new ArrayList<>(twoPeople(1));
            crops.addAll(order);
            HeldOutSplit split = HeldOutSplit.of(crops, ALL);
            assertTrue(split.query().stream().anyMatch(c -> c.jpeg().equals(low.getJpeg())));
            assertTrue(split.gallery().stream().anyMatch(c -> c.jpeg().equals(high.getJpeg())));
        }
    }

    @Test
    void aQueryThatWouldHaveNoMatchFromAnotherCameraGoesBackToTheGallery() {
        List<HarvestedCrop> crops = new ArrayList<>(twoPeople(1));
        // one crop per camera: cam1's goes back, so cam2's has a match
        crops.addAll(List.of(crop(8, "cam1", 1, 0.9f), crop(8, "cam2", 2, 0.1f)));
        // cam2's only crop is a query, so cam1's best would have nothing from cam2 to find
        crops.addAll(List.of(crop(9, "cam1", 1, 0.9f), crop(9, "cam1", 1, 0.8f), crop(9, "cam2", 2, 0.1f)));
        HeldOutSplit split = HeldOutSplit.of(crops, ALL);
        assertEquals(List.of("cam2 0.1 view 2"), split.query().stream().filter(c -> c.label().equals("s/8"))
                .map(HeldOutSplitTest::show).toList());
        assertEquals(List.of("cam1 0.9 view 1"), split.gallery().stream().filter(c -> c.label().equals("s/8"))
                .map(HeldOutSplitTest::show).toList());
        assertEquals(List.of("cam2 0.1 view 2"), split.query().stream().filter(c -> c.label().equals("s/9"))
                .map(HeldOutSplitTest::show).toList());
        assertEquals(List.of("cam1 0.9 view 1", "cam1 0.8 view 1"), split.gallery().stream()
                .filter(c -> c.label().equals("s/9")).map(HeldOutSplitTest::show).toList());
    }

    @Test
    void anIdentityOfOneCameraIsLookedForAmongItsOtherTracksOnly() {
        List<HarvestedCrop> crops = new ArrayList<>(twoPeople(1));
        crops.addAll(List.of(crop(9, "cam1", 7, 0.9f), crop(9, "cam1", 7, 0.4f), crop(9, "cam1", 8, 0.5f),
                crop(9, "cam1", 8, 0.6f), crop(9, "cam1", 12, 0.1f)));
        HeldOutSplit split = HeldOutSplit.of(crops, ALL);
        List<HeldOutCrop> queries = split.query().stream().filter(c -> c.label().equals("s/9")).toList();
        assertEquals(1, queries.size());
        assertEquals(7, queries.get(0).track());
        assertEquals(0.9f, queries.get(0).quality());
        List<HeldOutCrop> gallery = split.gallery().stream().filter(c -> c.label().equals("s/9")).toList();
        assertEquals(List.of(8L, 8L, 12L), gallery.stream().map(HeldOutCrop::track).toList(), "none of track 7");
        // the view is the track, so the metric keeps the other tracks as true matches
        assertEquals(List.of(2, 2, 3), gallery.stream().map(HeldOutCrop::view).toList());
        assertEquals(1, queries.get(0).view());
    }

    @Test
    void anIdentityOfOneTrackStaysHeldOutButIsNotEvaluated() {
        List<HarvestedCrop> crops = new ArrayList<>(twoPeople(1));
        crops.addAll(List.of(crop(9, "cam1", 7, 0.9f), crop(9, "cam1", 7, 0.4f)));
        HeldOutSplit split = HeldOutSplit.of(crops, ALL);
        assertEquals(List.of("s/1", "s/2", "s/9"), split.heldOutLabels());
        assertFalse(split.trainLabels().contains("s/9"));
        assertTrue(split.query().stream().noneMatch(c -> c.label().equals("s/9")));
        assertTrue(split.gallery().stream().noneMatch(c -> c.label().equals("s/9")));
        assertEquals(2, split.evaluatedIdentities());
    }

    @Test
    void fewerThanTwoEvaluableIdentitiesIsAnErrorThatSaysWhatIsMissing() {
        List<HarvestedCrop> crops = new ArrayList<>(List.of(crop(1, "a", 1, 0.5f), crop(1, "b", 1, 0.5f),
                crop(2, "a", 1, 0.5f), crop(2, "a", 1, 0.4f)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HeldOutSplit.of(crops, ALL));
        assertTrue(e.getMessage().startsWith("only 1 of 2 held-out identities (of 2) can be evaluated, need 2"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> HeldOutSplit.of(List.of(), ALL));
    }

    @Test
    void theStoreGivesTheSameSplitAsItsCrops() throws Exception {
        List<HarvestedCrop> crops = manyPeople(60);
        try (CropStore store = CropStore.open(dir.resolve("crops"), new CropStoreSettings(10, Duration.ofDays(3650)))) {
            for (HarvestedCrop crop : crops) {
                store.put(crop, 1_800_000_000_000L);
            }
            assertEquals(HeldOutSplit.of(crops, HeldOutSplit.Rule.defaults()),
                    HeldOutSplit.of(store, HeldOutSplit.Rule.defaults()));
        }
    }

    @Test
    void theFractionMustBeAShareOfTheLabels() {
        for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new HeldOutSplit.Rule(bad, 0), "fraction " + bad);
        }
    }

    private static String show(HeldOutCrop c) {
        return c.camera() + " " + c.quality() + " view " + c.view();
    }
}
