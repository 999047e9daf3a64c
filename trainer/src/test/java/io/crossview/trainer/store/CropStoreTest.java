package io.crossview.trainer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.serde.WireSerdes;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.HarvestedCrop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CropStoreTest {
    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path dir;

    static HarvestedCrop crop(String site, long identity, int content, float quality, long captureMs) {
        return HarvestedCrop.newBuilder().setSchemaVersion(WireSchema.VERSION)
                .setFrame(FrameRef.newBuilder().setCamera("cam1").setSite(site).setCaptureMs(captureMs))
                .setJpeg(ByteString.copyFrom(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) content, (byte) (content >> 8)}))
                .setIdentityId(identity).setTrackId(7).setQuality(quality).build();
    }

    private CropStore open(int perIdentity) throws Exception {
        return CropStore.open(dir.resolve("crops"), new CropStoreSettings(perIdentity, Duration.ofDays(1)));
    }

    @Test
    void anErasedIdentityLosesEveryCropOnEverySiteAndNobodyElseLosesAny() throws Exception {
        try (CropStore store = open(10)) {
            store.put(crop("lobby", 1, 1, 0.5f, NOW), NOW);
            store.put(crop("lobby", 1, 2, 0.5f, NOW), NOW);
            store.put(crop("garage", 1, 3, 0.5f, NOW), NOW);
            store.put(crop("lobby", 11, 4, 0.5f, NOW), NOW);
            store.put(crop("lobby", 21, 5, 0.5f, NOW), NOW);
            assertEquals(3, store.eraseIdentity(1));
            assertEquals(List.of(), store.crops("lobby/1"));
            assertEquals(List.of(), store.crops("garage/1"));
            assertEquals(new CropStore.Stats(2, 2), store.stats(), "identities 11 and 21 keep theirs");
            List<Long> left = new java.util.ArrayList<>();
            store.forEach(c -> left.add(c.getIdentityId()));
            assertEquals(List.of(11L, 21L), left.stream().sorted().toList());
            assertEquals(0, store.eraseIdentity(1), "erasing again finds nothing");
        }
    }

    @Test
    void openingTheStoreEnforcesItsRetentionWithoutAnyoneRunningExpiry() throws Exception {
        long twoDaysAgo = System.currentTimeMillis() - Duration.ofDays(2).toMillis();
        try (CropStore store = open(10)) {
            assertEquals(CropStore.Outcome.STORED, store.put(crop("s", 1, 1, 0.5f, twoDaysAgo), twoDaysAgo));
            store.put(crop("s", 2, 2, 0.5f, System.currentTimeMillis()), System.currentTimeMillis());
        }
        try (CropStore store = open(10)) {
            assertEquals(new CropStore.Stats(1, 1), store.stats(), "the crop older than the 1-day retention is gone");
        }
    }

    @Test
    void theSamePictureIsStoredOnceWhateverItsLabel() throws Exception {
        try (CropStore store = open(10)) {
            assertEquals(CropStore.Outcome.STORED, store.put(crop("s", 1, 1, 0.5f, NOW), NOW));
            assertEquals(CropStore.Outcome.DUPLICATE, store.put(crop("s", 2, 1, 0.9f, NOW), NOW));
            assertEquals(new CropStore.Stats(1, 1), store.stats());
        }
    }

    @Test
    void aFullIdentityTakesABetterCropInPlaceOfItsWorstAndRefusesAWorseOne() throws Exception {
        try (CropStore store = open(3)) {
            store.put(crop("s", 1, 1, 0.5f, NOW), NOW);
            store.put(crop("s", 1, 2, 0.2f, NOW), NOW);
            store.put(crop("s", 1, 3, 0.7f, NOW), NOW);
            assertEquals(CropStore.Outcome.REJECTED_WORSE, store.put(crop("s", 1, 4, 0.1f, NOW), NOW));
            assertEquals(CropStore.Outcome.REPLACED_WORSE, store.put(crop("s", 1, 5, 0.9f, NOW), NOW));
            List<Float> kept = store.crops("s/1").stream().map(HarvestedCrop::getQuality)
                    .sorted(Comparator.naturalOrder()).toList();
            assertEquals(List.of(0.5f, 0.7f, 0.9f), kept);
            assertEquals(3, store.stats().crops());
        }
    }

    @Test
    void identitiesOfDifferentSitesAreDifferentLabels() throws Exception {
        try (CropStore store = open(10)) {
            store.put(crop("live", 2, 1, 0.5f, NOW), NOW);
            store.put(crop("import:market", 2, 2, 0.5f, NOW), NOW);
            assertEquals(2, store.stats().labels());
            assertEquals(1, store.crops("live/2").size());
        }
    }

    @Test
    void cropsOlderThanTheRetentionAreRefusedAndExpired() throws Exception {
        try (CropStore store = open(10)) {
            assertEquals(CropStore.Outcome.EXPIRED, store.put(crop("s", 1, 1, 0.5f, NOW - Duration.ofDays(2).toMillis()), NOW));
            store.put(crop("s", 1, 2, 0.5f, NOW - Duration.ofHours(20).toMillis()), NOW);
            store.put(crop("s", 1, 3, 0.5f, NOW), NOW);
            assertEquals(1, store.expire(NOW + Duration.ofHours(5).toMillis()));
            assertEquals(new CropStore.Stats(1, 1), store.stats());
        }
    }

    @Test
    void theStoreKeepsItsCropsAcrossARestart() throws Exception {
        try (CropStore store = open(10)) {
            store.put(crop("s", 1, 1, 0.5f, NOW), NOW);
        }
        try (CropStore store = open(10)) {
            assertEquals(1, store.crops("s/1").size());
            assertEquals(CropStore.Outcome.DUPLICATE, store.put(crop("s", 1, 1, 0.5f, NOW), NOW));
        }
    }

    @Test
    void theIntakeStoresHarvestedCropsAndRefusesWhatIsNotOne() throws Exception {
        try (CropStore store = open(10)) {
            HarvestIntake intake = new HarvestIntake(store, () -> NOW);
            byte[] good = WireSerdes.HARVEST.serializer().serialize("harvest", crop("s", 1, 1, 0.5f, NOW));
            intake.handle(new ConsumerRecord<>("harvest", 0, 0, "1".getBytes(), good));
            intake.handle(new ConsumerRecord<>("harvest", 0, 1, "1".getBytes(), good));
            assertEquals(1L, intake.outcomes().get(CropStore.Outcome.STORED));
            assertEquals(1L, intake.outcomes().get(CropStore.Outcome.DUPLICATE));
            assertThrows(Exception.class, () -> intake.handle(
                    new ConsumerRecord<>("harvest", 0, 2, "1".getBytes(), new byte[] {(byte) 0xFF, 3})));
        }
    }

    @Test
    void aStoreThatCannotBeOpenedIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> CropStore.open(file, CropStoreSettings.defaults()));
        assertEquals(1, e.getMessage().lines().count());
    }
}
