package io.crossview.deploy.bench;

import io.crossview.common.wire.FrameEmbeddings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's embedding messages as a file: length-delimited {@link FrameEmbeddings} in the order the
 * matcher read them, so the matcher can be replayed on exactly the same input in seconds.
 */
public final class EmbeddingsFile {
    private EmbeddingsFile() {
    }

    public static void write(List<FrameEmbeddings> frames, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (FrameEmbeddings frame : frames) {
                frame.writeDelimitedTo(out);
            }
        }
    }

    public static List<FrameEmbeddings> read(Path file) throws IOException {
        List<FrameEmbeddings> frames = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (FrameEmbeddings frame = FrameEmbeddings.parseDelimitedFrom(in); frame != null;
                 frame = FrameEmbeddings.parseDelimitedFrom(in)) {
                frames.add(frame);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no embeddings file " + file);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(file + " is not an embeddings file (crossview bench --save-embeddings): "
                    + e.getMessage());
        }
        return frames;
    }
}
