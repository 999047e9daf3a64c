package io.crossview.matcher.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpAccessTest {
    @Test
    void everyInterfaceWithoutATokenIsRefusedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HttpAccess("0.0.0.0", null, 60));
        assertEquals("HTTP on 0.0.0.0 would answer person searches to anyone: give it a token"
                + " (--http-token-file FILE or CROSSVIEW_HTTP_TOKEN), or bind 127.0.0.1", e.getMessage());
        new HttpAccess("0.0.0.0", "s3cret", 60);
        new HttpAccess("localhost", null, 60);
        new HttpAccess("::1", null, 60);
    }

    @Test
    void onlyTheExactBearerTokenIsAdmitted() {
        HttpAccess access = new HttpAccess("0.0.0.0", "s3cret", 60);
        assertTrue(access.admits("Bearer s3cret"));
        assertFalse(access.admits("Bearer s3cre"));
        assertFalse(access.admits("Bearer s3cret2"));
        assertFalse(access.admits("s3cret"));
        assertFalse(access.admits(null));
        assertTrue(HttpAccess.LOCAL.admits(null), "no token configured: loopback callers need none");
        assertNull(HttpAccess.LOCAL.authorization());
    }

    @Test
    void itsTextNeverShowsTheToken() {
        assertEquals("0.0.0.0 (token required), 60 searches/min per client", new HttpAccess("0.0.0.0", "s3cret", 60).toString());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HttpAccess("127.0.0.1", " ", 60));
        assertThrows(IllegalArgumentException.class, () -> new HttpAccess("127.0.0.1", null, -1));
        assertThrows(IllegalArgumentException.class, () -> new HttpAccess("no-such-host.invalid", null, 60));
    }
}
