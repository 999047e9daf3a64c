package io.crossview.trainer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crossview.common.wire.HarvestedCrop;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketImportTest {
    @TempDir
    Path dir;

    @Test
    void marketNamesBecomeIdentitiesOfTheFoldersSiteAndJunkIsSkipped() throws Exception {
        Path market = Files.createDirectories(dir.resolve("market1501").resolve("bounding_box_train"));
        Files.write(market.resolve("0002_c1s1_000451_03.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        Files.write(market.resolve("0002_c3s1_000551_01.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 2});
        Files.write(market.resolve("0007_c2s3_070952_01.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 3});
        Files.write(market.resolve("-1_c1s1_000401_03.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 4});
        Files.write(market.resolve("0000_c1s1_000151_01.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 5});
        Files.writeString(market.resolve("Thumbs.db"), "x");
        try (CropStore store = CropStore.open(dir.resolve("store"), new CropStoreSettings(100, Duration.ofDays(1)))) {
            MarketImport.Result result = MarketImport.importFolder(market, store, 1000);
            assertEquals(new MarketImport.Result(3, 0, 2, 1), result);
            List<HarvestedCrop> two = store.crops("import:market1501/2");
            assertEquals(2, two.size());
            assertEquals(List.of("c1", "c3"), two.stream().map(c -> c.getFrame().getCamera()).sorted().toList());
            assertEquals(new MarketImport.Result(0, 3, 2, 1), MarketImport.importFolder(market, store, 1000),
                    "importing again adds nothing");
        }
    }

    @Test
    void aPersonsQueryAndGalleryCropsStayOneIdentityOfTheirDataSet() throws Exception {
        Path set = dir.resolve("world5");
        Path gallery = Files.createDirectories(set.resolve("bounding_box_test"));
        Path query = Files.createDirectories(set.resolve("query"));
        Path other = Files.createDirectories(dir.resolve("harvest-export"));
        Files.write(gallery.resolve("0004_c1s1_000100_00.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        Files.write(query.resolve("0004_c2s1_000200_00.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 2});
        Files.write(other.resolve("0004_c1s1_000300_00.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 3});
        try (CropStore store = CropStore.open(dir.resolve("store"), new CropStoreSettings(100, Duration.ofDays(1)))) {
            MarketImport.importFolder(gallery, store, 1000);
            MarketImport.importFolder(query, store, 1000);
            MarketImport.importFolder(other, store, 1000);
            assertEquals(List.of("c1", "c2"), store.crops("import:world5/4").stream().map(c -> c.getFrame().getCamera())
                    .sorted().toList());
            assertEquals(1, store.crops("import:harvest-export/4").size(), "a folder of another name is a data set of its own");
            assertEquals(2, store.stats().labels());
        }
    }

    @Test
    void aMissingFolderIsAClearError() throws Exception {
        try (CropStore store = CropStore.open(dir.resolve("store"), CropStoreSettings.defaults())) {
            assertThrows(NoSuchFileException.class, () -> MarketImport.importFolder(dir.resolve("nope"), store, 0));
        }
    }
}
