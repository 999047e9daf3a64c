package io.crossview.ingest.timing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Per-camera frame sequence numbers that never repeat, even across process restarts and
 * crashes: numbers are reserved in blocks and the end of the block is on disk before the
 * first number of it is used, so a restart starts after everything that could have been
 * handed out (leaving a gap, never a repeat). A lock file keeps two processes from
 * numbering the same camera.
 */
public final class SequenceStore {
    /** Numbers reserved per disk write: one write every 100 s of a 10 fps camera. */
    static final long BLOCK = 1000;

    private final Path dir;

    public SequenceStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The sequence of one camera, locked to this process until closed. */
    public CameraSequence open(String camera) throws IOException {
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(camera + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("camera " + camera + " is already being ingested (sequence lock " + lockFile
                    + " is held by another ingest)");
        }
        Path file = dir.resolve(camera + ".seq");
        long start = 0;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            try {
                start = Long.parseLong(text);
            } catch (NumberFormatException e) {
                channel.close();
                throw new IOException("corrupt sequence file " + file + " ('" + text + "'): fix or delete it, "
                        + "knowing that deleting it lets sequence numbers of camera " + camera + " repeat");
            }
        }
        return new CameraSequence(file, start, channel);
    }

    /** One camera's counter; not thread-safe, as one thread grabs each camera. */
    public static final class CameraSequence implements AutoCloseable {
        private final Path file;
        private final FileChannel lock;
        private long next;
        private long reservedUntil;

        private CameraSequence(Path file, long start, FileChannel lock) {
            this.file = file;
            this.next = start;
            this.reservedUntil = start;
            this.lock = lock;
        }

        public long next() throws IOException {
            if (next >= reservedUntil) {
                reserve(next + BLOCK);
            }
            return next++;
        }

        private void reserve(long until) throws IOException {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap((until + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            reservedUntil = until;
        }

        @Override
        public void close() throws IOException {
            lock.close();
        }
    }
}
