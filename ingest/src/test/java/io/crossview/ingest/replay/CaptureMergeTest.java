package io.crossview.ingest.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaptureMergeTest {
    private static CaptureKey key(long ms, String camera, long seq) {
        return new CaptureKey(ms, camera, seq);
    }

    private static CaptureMerge<CaptureKey> merge(int partitions, Selection selection, long windowMs, int pauseAt) {
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ids.add(p);
        }
        return new CaptureMerge<>(ids, selection, windowMs, pauseAt);
    }

    private static void offer(CaptureMerge<CaptureKey> merge, int partition, CaptureKey key) {
        merge.offer(partition, key, key);
    }

    private static List<CaptureKey> drain(CaptureMerge<CaptureKey> merge) {
        List<CaptureKey> out = new ArrayList<>();
        for (var e = merge.poll(); e != null; e = merge.poll()) {
            out.add(e.payload());
        }
        return out;
    }

    @Test
    void partitionsThatInterleaveOutOfOrderComeOutInCaptureOrder() {
        CaptureMerge<CaptureKey> merge = merge(2, Selection.all(), 0, 100);
        offer(merge, 0, key(10, "a", 1));
        offer(merge, 0, key(30, "a", 2));
        assertEquals(List.of(), drain(merge), "partition 1 has shown nothing yet, so it might hold earlier frames");
        offer(merge, 1, key(20, "b", 1));
        assertEquals(List.of(key(10, "a", 1)), drain(merge));
        offer(merge, 1, key(40, "b", 2));
        assertEquals(List.of(key(20, "b", 1)), drain(merge), "30 waits for partition 0 to show it is past 30");
        merge.finish(0);
        assertEquals(List.of(key(30, "a", 2)), drain(merge));
        merge.finish(1);
        assertEquals(List.of(key(40, "b", 2)), drain(merge));
        assertTrue(merge.isComplete());
    }

    @Test
    void equalCaptureTimesAreOrderedByCameraThenSeq() {
        CaptureMerge<CaptureKey> merge = merge(2, Selection.all(), 0, 100);
        offer(merge, 1, key(10, "b", 7));
        offer(merge, 0, key(10, "a", 9));
        offer(merge, 0, key(10, "a", 10));
        merge.finish(0);
        merge.finish(1);
        assertEquals(List.of(key(10, "a", 9), key(10, "a", 10), key(10, "b", 7)), drain(merge));
    }

    @Test
    void aPartitionThatEndsEarlyStopsHoldingTheOthersBack() {
        CaptureMerge<CaptureKey> merge = merge(3, Selection.all(), 0, 100);
        offer(merge, 0, key(5, "a", 1));
        offer(merge, 1, key(6, "b", 1));
        merge.finish(2); // empty partition
        assertEquals(List.of(), drain(merge));
        merge.finish(0);
        offer(merge, 1, key(7, "b", 2));
        assertEquals(List.of(key(5, "a", 1), key(6, "b", 1)), drain(merge));
        merge.finish(1);
        assertEquals(List.of(key(7, "b", 2)), drain(merge));
        assertTrue(merge.isComplete());
    }

    @Test
    void onlySelectedCamerasComeOutButOthersStillMoveTheirPartitionOn() {
        CaptureMerge<CaptureKey> merge = merge(2, new Selection(Set.of("a"), Long.MIN_VALUE, Long.MAX_VALUE), 0, 100);
        offer(merge, 0, key(10, "a", 1));
        offer(merge, 0, key(12, "a", 2));
        assertEquals(List.of(), drain(merge));
        offer(merge, 1, key(11, "c", 1));
        assertEquals(List.of(key(10, "a", 1)), drain(merge), "camera c's frame shows partition 1 is past 10");
        merge.finish(0);
        merge.finish(1);
        assertEquals(List.of(key(12, "a", 2)), drain(merge));
        assertEquals(1L, merge.camerasInRange().get("c"));
    }

    @Test
    void framesBeforeTheStartAreSkippedAndFramesAtTheEndAreDropped() {
        CaptureMerge<CaptureKey> merge = merge(1, new Selection(Set.of(), 100, 200), 0, 100);
        offer(merge, 0, key(99, "a", 1));
        offer(merge, 0, key(100, "a", 2));
        offer(merge, 0, key(199, "a", 3));
        assertFalse(merge.isDone(0));
        offer(merge, 0, key(200, "a", 4));
        assertTrue(merge.isDone(0), "past the end: the partition need not be read further");
        assertEquals(List.of(key(100, "a", 2), key(199, "a", 3)), drain(merge));
        assertEquals(1, merge.skippedBeforeStart());
        assertTrue(merge.isComplete());
    }

    @Test
    void aPartitionIsOnlyDoneAtTheEndOnceItIsAWindowPastIt() {
        CaptureMerge<CaptureKey> merge = merge(1, new Selection(Set.of(), 0, 200), 50, 100);
        offer(merge, 0, key(220, "b", 1));
        assertFalse(merge.isDone(0), "camera a may still write 190 after b's 220");
        offer(merge, 0, key(190, "a", 1));
        offer(merge, 0, key(250, "b", 2));
        assertTrue(merge.isDone(0));
        assertEquals(List.of(key(190, "a", 1)), drain(merge));
    }

    @Test
    void camerasSharingAPartitionOutOfOrderWithinTheWindowAreSorted() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            // two cameras per partition, each in order, written up to 3 frames apart
            CaptureMerge<CaptureKey> merge = merge(2, Selection.all(), 400, 4);
            List<CaptureKey> expected = new ArrayList<>();
            List<List<CaptureKey>> partitions = List.of(new ArrayList<>(), new ArrayList<>());
            for (int p = 0; p < 2; p++) {
                String[] cams = {"c" + p + "a", "c" + p + "b"};
                int[] next = {0, 0};
                while (next[0] < 20 || next[1] < 20) {
                    int c = next[0] >= 20 ? 1 : next[1] >= 20 ? 0 : Math.abs(next[0] - next[1]) >= 3
                            ? (next[0] < next[1] ? 0 : 1) : random.nextInt(2);
                    CaptureKey k = key(next[c] * 100L + p * 7 + c * 31, cams[c], next[c]);
                    next[c]++;
                    partitions.get(p).add(k);
                    expected.add(k);
                }
            }
            expected.sort(null);
            List<CaptureKey> out = new ArrayList<>();
            int[] pos = {0, 0};
            while (!merge.isComplete()) {
                int p = random.nextInt(2);
                if (pos[p] < 40 && !merge.shouldPause(p)) {
                    offer(merge, p, partitions.get(p).get(pos[p]++));
                    if (pos[p] == 40) {
                        merge.finish(p);
                    }
                }
                out.addAll(drain(merge));
                assertTrue(merge.buffered() <= 40, "bounded");
            }
            assertEquals(expected, out, "round " + round);
        }
    }

    @Test
    void aFullPartitionIsPausedUnlessTheMergeWaitsForIt() {
        CaptureMerge<CaptureKey> merge = merge(2, Selection.all(), 0, 2);
        offer(merge, 0, key(1, "a", 1));
        offer(merge, 0, key(2, "a", 2));
        offer(merge, 0, key(3, "a", 3));
        assertTrue(merge.shouldPause(0), "partition 0 holds plenty and is past the smallest frame");
        assertFalse(merge.shouldPause(1), "the merge waits for partition 1");
        assertNull(merge.poll());
    }
}
