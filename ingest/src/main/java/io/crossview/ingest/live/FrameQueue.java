package io.crossview.ingest.live;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A camera's bounded queue between grabbing and producing. When it is full the drop policy
 * decides which frame gives way, and every dropped frame is counted: memory never grows
 * with a slow broker, and a stalled sender cannot stall the grabber (which would make the
 * camera's own buffers overflow and the stream break).
 */
final class FrameQueue {
    private final int capacity;
    private final DropPolicy policy;
    private final ArrayDeque<OutgoingFrame> frames;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final AtomicLong dropped = new AtomicLong();

    FrameQueue(int capacity, DropPolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1");
        }
        this.capacity = capacity;
        this.policy = policy;
        this.frames = new ArrayDeque<>(capacity);
    }

    DropPolicy policy() {
        return policy;
    }

    /** With drop_newest, a full queue refuses the next frame before it is even encoded; counts it. */
    boolean refusesNext() {
        lock.lock();
        try {
            if (policy == DropPolicy.DROP_NEWEST && frames.size() >= capacity) {
                dropped.incrementAndGet();
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a frame; when full, drop_oldest evicts the head and drop_newest discards this one. */
    void offer(OutgoingFrame frame) {
        lock.lock();
        try {
            if (frames.size() >= capacity) {
                dropped.incrementAndGet();
                if (policy == DropPolicy.DROP_NEWEST) {
                    return;
                }
                frames.pollFirst();
            }
            frames.addLast(frame);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest queued frame, or null after {@code timeoutMs} with none. */
    OutgoingFrame take(long timeoutMs) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (frames.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return frames.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return frames.size();
        } finally {
            lock.unlock();
        }
    }

    long dropped() {
        return dropped.get();
    }
}
