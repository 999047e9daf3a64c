package io.crossview.trainer.promotion;

import io.crossview.common.model.ModelVersion;
import io.crossview.common.wire.ModelAnnouncement;
import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.registry.ModelFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A model in a promotion decision: its ONNX bytes, where embedders fetch it, and whether it is
 * the built-in model (which every embedder has, and which stands in when nothing is announced).
 */
public record Contender(byte[] onnx, String uri, boolean builtin) {
    /** What stands for the built-in model's location; it is never fetched. */
    public static final String BUILTIN_URI = "builtin:" + AppearanceModel.NAME;

    public Contender {
        Objects.requireNonNull(onnx, "onnx");
        if (onnx.length == 0 || uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("a contender needs model bytes and a uri");
        }
        onnx = onnx.clone();
    }

    /** A model file, announced under its absolute path unless {@code uri} says otherwise (null). */
    public static Contender file(Path onnx, String uri) throws IOException {
        return new Contender(Files.readAllBytes(onnx), uri != null ? uri : onnx.toAbsolutePath().toString(), false);
    }

    /** The announced model, fetched from its uri and checked against its sha256. */
    public static Contender announced(ModelAnnouncement announcement, ModelFetcher fetcher) throws IOException {
        return new Contender(fetcher.fetch(announcement.getUri(), announcement.getSha256()), announcement.getUri(),
                false);
    }

    public static Contender builtinModel() {
        return new Contender(AppearanceModel.build(), BUILTIN_URI, true);
    }

    @Override
    public byte[] onnx() {
        return onnx.clone();
    }

    public String sha256() {
        return ModelVersion.sha256(onnx);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contender c && Arrays.equals(c.onnx, onnx) && c.uri.equals(uri)
                && c.builtin == builtin;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(onnx) * 31 + uri.hashCode() + Boolean.hashCode(builtin);
    }

    @Override
    public String toString() {
        return "Contender[" + uri + ", " + onnx.length + " bytes" + (builtin ? ", built-in" : "") + "]";
    }
}
