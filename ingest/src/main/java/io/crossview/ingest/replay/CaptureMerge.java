package io.crossview.ingest.replay;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Merges the records of several partitions into capture order, deterministically: the
 * output depends only on each partition's record sequence, never on how fetches happen
 * to interleave.
 *
 * <p>Each partition is offered its records in offset order. Cameras sharing a partition
 * are written by different grab threads, so a partition is in capture order only up to
 * a small disorder; {@code windowMs} bounds it (0 when each partition is strictly in
 * capture order). The smallest buffered frame is released only once every partition
 * still being read has shown a capture time more than {@code windowMs} past it, so no
 * later record can come before it. A partition is done when it reaches its end offset,
 * or when it has gone {@code windowMs} past the selection's end.
 */
public final class CaptureMerge<T> {
    /** A buffered frame and the partition it came from. */
    public record Entry<T>(int partition, CaptureKey key, T payload) {
    }

    private static final class Lane {
        long maxSeenMs = Long.MIN_VALUE;
        int buffered;
        boolean done;
    }

    private final Selection selection;
    private final long windowMs;
    private final int pauseAt;
    private final Map<Integer, Lane> lanes = new HashMap<>();
    private final PriorityQueue<Entry<T>> heap = new PriorityQueue<>(Comparator.comparing(Entry::key));
    private long skippedBeforeStart;
    private final Map<String, Long> seenInRange = new HashMap<>();

    /** {@code pauseAt}: a partition buffering this many frames should stop fetching unless the merge waits for it. */
    public CaptureMerge(Iterable<Integer> partitions, Selection selection, long windowMs, int pauseAt) {
        if (windowMs < 0 || pauseAt < 1) {
            throw new IllegalArgumentException("window must be >= 0 and pauseAt >= 1");
        }
        this.selection = selection;
        this.windowMs = windowMs;
        this.pauseAt = pauseAt;
        for (int p : partitions) {
            lanes.put(p, new Lane());
        }
    }

    /** The next record of a partition, in offset order; frames outside the selection only advance its clock. */
    public void offer(int partition, CaptureKey key, T payload) {
        Lane lane = lane(partition);
        lane.maxSeenMs = Math.max(lane.maxSeenMs, key.captureMs());
        if (key.captureMs() >= selection.startMs() && key.captureMs() < selection.endMs()) {
            seenInRange.merge(key.camera(), 1L, Long::sum);
        }
        if (selection.contains(key)) {
            heap.add(new Entry<>(partition, key, payload));
            lane.buffered++;
        } else if (key.captureMs() < selection.startMs() && selection.selectsCamera(key.camera())) {
            skippedBeforeStart++;
        }
        if (selection.hasEnd() && lane.maxSeenMs - windowMs >= selection.endMs()) {
            // every later record of this partition is past the end
            lane.done = true;
        }
    }

    /** The partition has nothing more to read: its position reached the snapshotted end offset. */
    public void finish(int partition) {
        lane(partition).done = true;
    }

    /** The next frame in capture order, or null when it must wait for more records. */
    public Entry<T> poll() {
        Entry<T> head = heap.peek();
        if (head == null) {
            return null;
        }
        for (Lane lane : lanes.values()) {
            if (!lane.done && !isPast(lane, head)) {
                return null;
            }
        }
        heap.poll();
        lanes.get(head.partition()).buffered--;
        return head;
    }

    /** Whether a partition should not be fetched now: it is done, or it holds many frames and the merge does not wait for it. */
    public boolean shouldPause(int partition) {
        Lane lane = lane(partition);
        if (lane.done) {
            return true;
        }
        Entry<T> head = heap.peek();
        return lane.buffered >= pauseAt && head != null && isPast(lane, head);
    }

    public boolean isDone(int partition) {
        return lane(partition).done;
    }

    /** Every partition is done and every buffered frame was polled. */
    public boolean isComplete() {
        return heap.isEmpty() && lanes.values().stream().allMatch(l -> l.done);
    }

    public int buffered() {
        return heap.size();
    }

    /** Frames of selected cameras seen before the start (the seek lands a little early on purpose). */
    public long skippedBeforeStart() {
        return skippedBeforeStart;
    }

    /** Frames per camera seen inside the time range, selected or not: tells a user what the range does hold. */
    public Map<String, Long> camerasInRange() {
        return Map.copyOf(seenInRange);
    }

    private boolean isPast(Lane lane, Entry<T> head) {
        return lane.maxSeenMs != Long.MIN_VALUE && lane.maxSeenMs - windowMs > head.key().captureMs();
    }

    private Lane lane(int partition) {
        Lane lane = lanes.get(partition);
        if (lane == null) {
            throw new IllegalArgumentException("partition " + partition + " is not merged here");
        }
        return lane;
    }
}
