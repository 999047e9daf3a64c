package io.crossview.trainer.store;

import io.crossview.common.wire.HarvestedCrop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The trainer's data set: labelled crops in a local RocksDB, deduplicated by the SHA-256 of
 * their JPEG, at most so many per identity (the best by quality), expired by capture time.
 * Keys: {@code c/<sha>} holds the crop; {@code l/<label>/<sha>} indexes it under its label,
 * where a label is {@code site/identity} so imported and live identities never collide.
 * Not thread-safe.
 */
public final class CropStore implements AutoCloseable {
    /** What happened to a crop offered to the store. */
    public enum Outcome { STORED, DUPLICATE, REPLACED_WORSE, REJECTED_WORSE, EXPIRED }

    /** Counts of the store's content. */
    public record Stats(long crops, int labels) {
    }

    static {
        RocksDB.loadLibrary();
    }

    private final CropStoreSettings settings;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions writes = new WriteOptions();

    private CropStore(CropStoreSettings settings, Options options, RocksDB db) {
        this.settings = settings;
        this.options = options;
        this.db = db;
    }

    /** Opens (or creates) the store in {@code dir}; one IOException line when it cannot. */
    public static CropStore open(Path dir, CropStoreSettings settings) throws IOException {
        Files.createDirectories(dir);
        Options options = new Options().setCreateIfMissing(true);
        try {
            CropStore store = new CropStore(settings, options, RocksDB.open(options, dir.toString()));
            // retention holds whenever the store is used, not only when someone runs expiry
            store.expire(System.currentTimeMillis());
            return store;
        } catch (RocksDBException e) {
            options.close();
            throw new IOException("cannot open the crop store at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The label of a crop: its site and identity. */
    public static String label(HarvestedCrop crop) {
        return crop.getFrame().getSite() + "/" + crop.getIdentityId();
    }

    public Outcome put(HarvestedCrop crop, long nowMs) throws IOException {
        if (crop.getFrame().getCaptureMs() < nowMs - settings.retention().toMillis()) {
            return Outcome.EXPIRED;
        }
        String sha = sha256(crop.getJpeg().toByteArray());
        try {
            if (db.get(key("c/" + sha)) != null) {
                return Outcome.DUPLICATE;
            }
            String label = label(crop);
            Map<String, Float> siblings = qualities(label);
            try (WriteBatch batch = new WriteBatch()) {
                Outcome outcome = Outcome.STORED;
                if (siblings.size() >= settings.maxPerIdentity()) {
                    Map.Entry<String, Float> worst = siblings.entrySet().stream()
                            .min(Map.Entry.comparingByValue()).orElseThrow();
                    if (worst.getValue() >= crop.getQuality()) {
                        return Outcome.REJECTED_WORSE;
                    }
                    batch.delete(key("c/" + worst.getKey()));
                    batch.delete(key("l/" + label + "/" + worst.getKey()));
                    outcome = Outcome.REPLACED_WORSE;
                }
                batch.put(key("c/" + sha), crop.toByteArray());
                batch.put(key("l/" + label + "/" + sha), qualityBytes(crop.getQuality()));
                db.write(writes, batch);
                return outcome;
            }
        } catch (RocksDBException e) {
            throw new IOException("crop store write failed: " + e.getMessage(), e);
        }
    }

    /** Removes crops captured before the retention window; returns how many. */
    public int expire(long nowMs) throws IOException {
        long oldest = nowMs - settings.retention().toMillis();
        List<HarvestedCrop> old = new ArrayList<>();
        forEach(crop -> {
            if (crop.getFrame().getCaptureMs() < oldest) {
                old.add(crop);
            }
        });
        try (WriteBatch batch = new WriteBatch()) {
            for (HarvestedCrop crop : old) {
                String sha = sha256(crop.getJpeg().toByteArray());
                batch.delete(key("c/" + sha));
                batch.delete(key("l/" + label(crop) + "/" + sha));
            }
            db.write(writes, batch);
        } catch (RocksDBException e) {
            throw new IOException("crop store expiry failed: " + e.getMessage(), e);
        }
        return old.size();
    }

    /** Deletes every crop of one identity, on every site; returns how many. */
    public int eraseIdentity(long identity) throws IOException {
        String suffix = "/" + identity;
        List<String> keys = new ArrayList<>();
        try (RocksIterator it = db.newIterator()) {
            byte[] prefix = key("l/");
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                String k = new String(it.key(), StandardCharsets.UTF_8);
                String label = k.substring(2, k.lastIndexOf('/'));
                if (label.endsWith(suffix)) {
                    keys.add(k);
                }
            }
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (String k : keys) {
                batch.delete(key(k));
                batch.delete(key("c/" + k.substring(k.lastIndexOf('/') + 1)));
            }
            db.write(writes, batch);
        } catch (RocksDBException e) {
            throw new IOException("crop store erasure failed: " + e.getMessage(), e);
        }
        return keys.size();
    }

    /** Every crop, in key order. */
    public void forEach(Consumer<HarvestedCrop> each) throws IOException {
        try (RocksIterator it = db.newIterator()) {
            byte[] prefix = key("c/");
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                each.accept(HarvestedCrop.parseFrom(it.value()));
            }
        }
    }

    /** The crops of one label ({@code site/identity}). */
    public List<HarvestedCrop> crops(String label) throws IOException {
        List<HarvestedCrop> out = new ArrayList<>();
        try {
            for (String sha : qualities(label).keySet()) {
                byte[] value = db.get(key("c/" + sha));
                if (value != null) {
                    out.add(HarvestedCrop.parseFrom(value));
                }
            }
        } catch (RocksDBException e) {
            throw new IOException("crop store read failed: " + e.getMessage(), e);
        }
        return out;
    }

    public Stats stats() {
        long crops = 0;
        java.util.Set<String> labels = new java.util.HashSet<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                String k = new String(it.key(), StandardCharsets.UTF_8);
                if (k.startsWith("c/")) {
                    crops++;
                } else if (k.startsWith("l/")) {
                    labels.add(k.substring(2, k.lastIndexOf('/')));
                }
            }
        }
        return new Stats(crops, labels.size());
    }

    private Map<String, Float> qualities(String label) {
        Map<String, Float> out = new LinkedHashMap<>();
        byte[] prefix = key("l/" + label + "/");
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                String k = new String(it.key(), StandardCharsets.UTF_8);
                out.put(k.substring(k.lastIndexOf('/') + 1), java.nio.ByteBuffer.wrap(it.value()).getFloat());
            }
        }
        return out;
    }

    private static byte[] qualityBytes(float quality) {
        return java.nio.ByteBuffer.allocate(4).putFloat(quality).array();
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] key(String k) {
        return k.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public void close() {
        writes.close();
        db.close();
        options.close();
    }
}
