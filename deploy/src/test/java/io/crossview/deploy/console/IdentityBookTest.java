package io.crossview.deploy.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.IdentityEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityBookTest {
    private static IdentityEvent seen(long identity, String camera, long atMs) {
        return IdentityEvent.newBuilder().setIdentityId(identity)
                .setFrame(FrameRef.newBuilder().setCamera(camera).setCaptureMs(atMs)).build();
    }

    @Test
    void anIdentityKeepsItsBestCropsUpToTheLimit() {
        IdentityBook book = new IdentityBook();
        for (int i = 0; i < IdentityBook.THUMBNAILS; i++) {
            book.thumbnail(3, "east", new byte[] {(byte) i}, 0.5);
        }
        book.thumbnail(3, "west", new byte[] {99}, 0.1);
        assertEquals(IdentityBook.THUMBNAILS, book.summary(3).thumbnails());
        assertFalse(List.of(0, 1, 2, 3, 4, 5, 6, 7).stream().anyMatch(i -> book.thumbnail(3, i)[0] == 99),
                "a worse crop does not push out a better one");
        book.thumbnail(3, "west", new byte[] {42}, 0.9);
        assertArrayEquals(new byte[] {42}, book.thumbnail(3, 0), "a better one replaces the worst");
        assertEquals(List.of("east", "west"), book.summary(3).cameras());
    }

    @Test
    void identitiesAreListedMostRecentFirstAndAnErasedOneIsForgotten() {
        IdentityBook book = new IdentityBook();
        book.event(seen(1, "east", 1_000));
        book.event(seen(2, "west", 3_000));
        book.event(seen(1, "west", 2_000));
        book.event(seen(0, "west", 9_000));
        assertEquals(List.of(2L, 1L), book.recent(10).stream().map(IdentityBook.Summary::id).toList(),
                "pending tracks (identity 0) are nobody yet");
        assertEquals(1_000, book.summary(1).firstMs());
        book.erase(2);
        assertNull(book.summary(2));
        assertEquals(List.of(1L), book.recent(10).stream().map(IdentityBook.Summary::id).toList());
    }

    @Test
    void beyondItsLimitTheIdentitiesSeenLongestAgoAreForgotten() {
        IdentityBook book = new IdentityBook();
        int total = IdentityBook.MAX_IDENTITIES + 150;
        for (int id = 1; id <= total; id++) {
            book.event(seen(id, "east", id * 1_000L));
        }
        assertNull(book.summary(1), "the oldest went");
        assertEquals(total, book.summary(total).id());
        assertTrue(book.recent(Integer.MAX_VALUE).size() <= IdentityBook.MAX_IDENTITIES + 100);
    }
}
