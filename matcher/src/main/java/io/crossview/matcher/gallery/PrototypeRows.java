package io.crossview.matcher.gallery;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The prototypes of one model version, stored densely for scanning: rows of one contiguous
 * row-major {@code float[]}, each row owned by an identity slot. Identities are kept in dense
 * slots too, so that pooling row scores per identity is an array write, not a hash lookup.
 * Removal moves the last row (or slot) into the hole, so storage never has gaps.
 */
final class PrototypeRows {
    private static final int[] NO_ROWS = new int[0];
    private static final int MIN_CAPACITY = 16;
    /** Largest array Java can reliably allocate. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final int dimension;

    private float[] data = new float[0];
    /** Slot of the identity owning each row. */
    private int[] rowSlot = new int[0];
    private int rows;

    private long[] slotIds = new long[0];
    /** Rows of each slot's identity, in the order of its prototypes. */
    private int[][] slotRows = new int[0][];
    private int slots;
    private final Map<Long, Integer> slotOf = new HashMap<>();

    /** Per-slot best score of the search in progress; kept between searches to spare the allocation. */
    private float[] best = new float[0];

    PrototypeRows(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        this.dimension = dimension;
    }

    int dimension() {
        return dimension;
    }

    int identities() {
        return slots;
    }

    int rows() {
        return rows;
    }

    boolean contains(long identityId) {
        return slotOf.containsKey(identityId);
    }

    /**
     * Replaces the identity's prototypes, which the caller has checked (non-empty, this
     * dimension). Rows the identity already holds are overwritten in place, so the common
     * update (same number of prototypes) moves nothing. Returns whether the identity is new here.
     */
    boolean put(long identityId, List<float[]> prototypes) {
        Integer existing = slotOf.get(identityId);
        int slot;
        if (existing == null) {
            ensureSlotCapacity(slots + 1);
            slot = slots++;
            slotIds[slot] = identityId;
            slotRows[slot] = NO_ROWS;
            slotOf.put(identityId, slot);
        } else {
            slot = existing;
        }
        int[] old = slotRows[slot];
        int n = prototypes.size();
        int keep = Math.min(old.length, n);
        int[] mine = Arrays.copyOf(old, n);
        for (int i = 0; i < keep; i++) {
            write(old[i], prototypes.get(i));
        }
        ensureRowCapacity(rows + n - keep);
        for (int i = keep; i < n; i++) {
            int r = rows++;
            rowSlot[r] = slot;
            write(r, prototypes.get(i));
            mine[i] = r;
        }
        slotRows[slot] = mine;
        if (old.length > n) {
            removeRows(Arrays.copyOfRange(old, n, old.length));
        }
        return existing == null;
    }

    /** Removes the identity's prototypes; returns whether it had any. */
    boolean remove(long identityId) {
        Integer boxed = slotOf.remove(identityId);
        if (boxed == null) {
            return false;
        }
        int slot = boxed;
        int[] mine = slotRows[slot];
        slotRows[slot] = NO_ROWS;
        removeRows(mine);
        int last = --slots;
        if (slot != last) {
            long moved = slotIds[last];
            slotIds[slot] = moved;
            slotRows[slot] = slotRows[last];
            for (int r : slotRows[slot]) {
                rowSlot[r] = slot;
            }
            slotOf.put(moved, slot);
        }
        slotRows[last] = null;
        return true;
    }

    /** The identity's prototypes as stored, in put order; null when it has none here. */
    float[][] prototypesOf(long identityId) {
        Integer slot = slotOf.get(identityId);
        if (slot == null) {
            return null;
        }
        int[] mine = slotRows[slot];
        float[][] out = new float[mine.length][];
        for (int i = 0; i < mine.length; i++) {
            int from = mine[i] * dimension;
            out[i] = Arrays.copyOfRange(data, from, from + dimension);
        }
        return out;
    }

    /** See {@link GalleryIndex#topK}; the query has this dimension and {@code k} is positive. */
    List<Match> topK(float[] query, int k, LongPredicate allowed) {
        int n = Math.min(k, slots);
        if (n == 0) {
            return List.of();
        }
        if (best.length < slots) {
            best = new float[slotIds.length];
        }
        Arrays.fill(best, 0, slots, Float.NEGATIVE_INFINITY);
        // One pass over the rows in memory order, max-pooled into the owner's slot.
        float[] d = data;
        int dim = dimension;
        for (int r = 0, offset = 0; r < rows; r++, offset += dim) {
            float s = dot(d, offset, query, dim);
            int slot = rowSlot[r];
            if (s > best[slot]) {
                best[slot] = s;
            }
        }
        // A min-heap of the n best slots so far, worst at the root: most slots lose to the root
        // at one comparison, and `allowed` is asked only about those that do not.
        int[] heap = new int[n];
        int size = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (size == n && !better(slot, heap[0])) {
                continue;
            }
            if (allowed != null && !allowed.test(slotIds[slot])) {
                continue;
            }
            if (size < n) {
                heap[size] = slot;
                siftUp(heap, size++);
            } else {
                heap[0] = slot;
                siftDown(heap, 0, size);
            }
        }
        Match[] out = new Match[size];
        for (int i = size - 1; i >= 0; i--) {
            int slot = heap[0];
            out[i] = new Match(slotIds[slot], best[slot]);
            heap[0] = heap[i];
            siftDown(heap, 0, i);
        }
        return List.of(out);
    }

    /**
     * Dot product of a stored row and the query. Four accumulators break the chain of dependent
     * adds (Java may not reorder float sums, so the JIT cannot do this itself).
     */
    static float dot(float[] rows, int offset, float[] query, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += rows[offset + i] * query[i];
            s1 += rows[offset + i + 1] * query[i + 1];
            s2 += rows[offset + i + 2] * query[i + 2];
            s3 += rows[offset + i + 3] * query[i + 3];
        }
        for (; i < length; i++) {
            s0 += rows[offset + i] * query[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Higher similarity first; equal similarities by lower identity id, so results never depend on storage order. */
    private boolean better(int a, int b) {
        float sa = best[a];
        float sb = best[b];
        return sa > sb || (sa == sb && slotIds[a] < slotIds[b]);
    }

    private void siftUp(int[] heap, int i) {
        int slot = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(heap[parent], slot)) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = slot;
    }

    private void siftDown(int[] heap, int i, int size) {
        int slot = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1])) {
                child++;
            }
            if (!better(slot, heap[child])) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = slot;
    }

    private void write(int row, float[] prototype) {
        System.arraycopy(prototype, 0, data, row * dimension, dimension);
    }

    /**
     * Removes rows no slot lists any more, highest first: then the last row, which moves into
     * each hole, is never one of those still to remove.
     */
    private void removeRows(int[] doomed) {
        int[] sorted = doomed.clone();
        Arrays.sort(sorted);
        for (int j = sorted.length - 1; j >= 0; j--) {
            int r = sorted[j];
            int last = --rows;
            if (r == last) {
                continue;
            }
            System.arraycopy(data, last * dimension, data, r * dimension, dimension);
            int slot = rowSlot[last];
            rowSlot[r] = slot;
            int[] owned = slotRows[slot];
            for (int i = 0; i < owned.length; i++) {
                if (owned[i] == last) {
                    owned[i] = r;
                    break;
                }
            }
        }
    }

    private void ensureRowCapacity(int needed) {
        if (needed <= rowSlot.length) {
            return;
        }
        long capacity = Math.max(needed, Math.max(MIN_CAPACITY, rowSlot.length + (rowSlot.length >> 1)));
        long maxRows = MAX_ARRAY / dimension;
        if (needed > maxRows) {
            throw new IllegalStateException("gallery full: " + maxRows + " prototypes of dimension " + dimension
                    + " fill one Java array");
        }
        capacity = Math.min(capacity, maxRows);
        data = Arrays.copyOf(data, (int) capacity * dimension);
        rowSlot = Arrays.copyOf(rowSlot, (int) capacity);
    }

    private void ensureSlotCapacity(int needed) {
        if (needed <= slotIds.length) {
            return;
        }
        int capacity = (int) Math.min(MAX_ARRAY,
                Math.max(needed, Math.max(MIN_CAPACITY, slotIds.length + (long) (slotIds.length >> 1))));
        slotIds = Arrays.copyOf(slotIds, capacity);
        slotRows = Arrays.copyOf(slotRows, capacity);
    }
}
