package io.crossview.deploy.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.ByteString;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.IdentityEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraTilesTest {
    private static final int KEPT = 64;

    private static Frame frame(String camera, long seq) {
        return Frame.newBuilder().setRef(FrameRef.newBuilder().setCamera(camera).setSeq(seq).setCaptureMs(1_000 + seq * 200))
                .setJpeg(ByteString.copyFromUtf8("frame " + seq)).build();
    }

    private static IdentityEvent event(String camera, long seq, long identity) {
        return IdentityEvent.newBuilder().setFrame(FrameRef.newBuilder().setCamera(camera).setSeq(seq))
                .setIdentityId(identity).setBox(Box.newBuilder().setW(10).setH(20)).build();
    }

    @Test
    void aTileShowsTheNewestFrameWhoseIdentitiesHaveArrivedNotANewerBareOne() {
        CameraTiles tiles = new CameraTiles(KEPT);
        for (long seq = 0; seq < 10; seq++) {
            tiles.frame(frame("east", seq));
        }
        assertEquals(9, tiles.latest("east").seq(), "with no identities yet, the newest frame");
        tiles.event(event("east", 6, 4));
        tiles.event(event("east", 6, 7));
        CameraTiles.Tile tile = tiles.latest("east");
        assertEquals(6, tile.seq());
        assertEquals(List.of(4L, 7L), TileEvents.ids(tile.events()));
        assertNull(tiles.latest("west"));
    }

    @Test
    void oldFramesRollOutAndTheirLateIdentitiesAreDropped() {
        CameraTiles tiles = new CameraTiles(KEPT);
        for (long seq = 0; seq < KEPT + 5; seq++) {
            tiles.frame(frame("east", seq));
        }
        assertNull(tiles.frameJpeg("east", 2));
        tiles.event(event("east", 2, 9));
        assertEquals(KEPT + 4, tiles.latest("east").seq(), "the late identity found no frame");
        assertEquals(KEPT + 5, tiles.figures("east").frames());
    }

    @Test
    void framesPerSecondComeFromCaptureTimes() {
        CameraTiles tiles = new CameraTiles(KEPT);
        for (long seq = 0; seq < 11; seq++) {
            tiles.frame(frame("east", seq));
        }
        assertEquals(5.0, tiles.figures("east").fps(), 1e-9, "one frame every 200 ms");
    }
}
