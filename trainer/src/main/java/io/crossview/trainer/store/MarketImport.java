package io.crossview.trainer.store;

import com.google.protobuf.ByteString;
import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.HarvestedCrop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports a folder of crops in Market-1501 naming ({@code 0002_c1s1_000451_03.jpg}: person,
 * camera and sequence, frame, box) as supervised data: each person is an identity of the site
 * {@code import:<data set>}, the data set being the folder's name, or its parent's for Market's own
 * folders ({@code bounding_box_train}, {@code bounding_box_test}, {@code query}), so a person's
 * query and gallery crops stay one identity. Junk ({@code -1}) and distractors ({@code 0000}) are skipped,
 * as in the benchmark's protocol; files of other names are counted, not imported.
 */
public final class MarketImport {
    private static final Pattern NAME = Pattern.compile("(-?\\d+)_c(\\d+)s(\\d+)_(\\d+)_(\\d+)\\.jpe?g");

    /** What an import did. */
    public record Result(int imported, int duplicates, int skipped, int unnamed) {
    }

    /** Market-1501's own folder names: parts of one data set whose person ids are shared. */
    static final Set<String> PARTS = Set.of("bounding_box_train", "bounding_box_test", "query", "gt_bbox");

    private MarketImport() {
    }

    /** The data set a folder of crops belongs to. */
    static String dataset(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        String name = String.valueOf(abs.getFileName());
        Path parent = abs.getParent();
        return PARTS.contains(name) && parent != null && parent.getFileName() != null
                ? parent.getFileName().toString() : name;
    }

    public static Result importFolder(Path dir, CropStore store, long nowMs) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "Market-1501 folder not found");
        }
        String site = "import:" + dataset(dir);
        int imported = 0;
        int duplicates = 0;
        int skipped = 0;
        int unnamed = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (!m.matches()) {
                unnamed++;
                continue;
            }
            long person = Long.parseLong(m.group(1));
            if (person <= 0) {
                skipped++;
                continue;
            }
            byte[] jpeg = Files.readAllBytes(file);
            HarvestedCrop crop = HarvestedCrop.newBuilder()
                    .setSchemaVersion(WireSchema.VERSION)
                    .setFrame(FrameRef.newBuilder().setCamera("c" + m.group(2)).setSite(site)
                            .setSeq(Long.parseLong(m.group(4))).setCaptureMs(nowMs))
                    .setJpeg(ByteString.copyFrom(jpeg))
                    .setIdentityId(person)
                    .setQuality(1f)
                    .build();
            CropStore.Outcome outcome = store.put(crop, nowMs);
            if (outcome == CropStore.Outcome.DUPLICATE) {
                duplicates++;
            } else if (outcome == CropStore.Outcome.STORED || outcome == CropStore.Outcome.REPLACED_WORSE) {
                imported++;
            } else {
                skipped++;
            }
        }
        return new Result(imported, duplicates, skipped, unnamed);
    }
}
