package io.crossview.ingest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameQueueTest {
    private static OutgoingFrame frame(long t) {
        return new OutgoingFrame(new byte[0], new byte[0], t);
    }

    @Test
    void dropOldestEvictsTheHeadAndCountsIt() throws InterruptedException {
        FrameQueue queue = new FrameQueue(2, DropPolicy.DROP_OLDEST);
        assertFalse(queue.refusesNext());
        queue.offer(frame(1));
        queue.offer(frame(2));
        queue.offer(frame(3));
        assertEquals(1, queue.dropped());
        assertEquals(2, queue.take(0).captureMs());
        assertEquals(3, queue.take(0).captureMs());
        assertNull(queue.take(10));
    }

    @Test
    void dropNewestRefusesFramesWhileFull() throws InterruptedException {
        FrameQueue queue = new FrameQueue(2, DropPolicy.DROP_NEWEST);
        queue.offer(frame(1));
        queue.offer(frame(2));
        assertTrue(queue.refusesNext(), "full: the next frame is not even encoded");
        queue.offer(frame(3));
        assertEquals(2, queue.dropped());
        assertEquals(1, queue.take(0).captureMs());
        assertFalse(queue.refusesNext());
    }
}
