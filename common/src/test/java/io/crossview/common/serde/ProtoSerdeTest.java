package io.crossview.common.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.Detection;
import io.crossview.common.wire.Frame;
import io.crossview.common.wire.FrameDetections;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.IdentityEvent;
import io.crossview.common.wire.IdentityState;
import org.junit.jupiter.api.Test;

class ProtoSerdeTest {
    private static final FrameRef REF = FrameRef.newBuilder().setCamera("left").setSite("hall").setSeq(42)
            .setCaptureMs(1_700_000_000_000L).setWidth(384).setHeight(576).build();

    @Test
    void everyTopicMessageSurvivesARoundTrip() {
        Frame frame = Frame.newBuilder().setSchemaVersion(WireSchema.VERSION).setRef(REF)
                .setJpeg(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2})).build();
        assertEquals(frame, WireSerdes.FRAME.deserialize("frames", WireSerdes.FRAME.serialize("frames", frame)));

        FrameDetections detections = FrameDetections.newBuilder().setSchemaVersion(WireSchema.VERSION).setFrame(REF)
                .setDetectorModel("opencv-hog")
                .addDetections(Detection.newBuilder().setBox(Box.newBuilder().setX(1).setY(2).setW(30).setH(80).setScore(0.9f)))
                .build();
        assertEquals(detections, WireSerdes.DETECTIONS.deserialize("d", WireSerdes.DETECTIONS.serialize("d", detections)));

        IdentityEvent event = IdentityEvent.newBuilder().setSchemaVersion(WireSchema.VERSION).setFrame(REF)
                .setTrackId(3).setIdentityId(7).setConfidence(0.91f).setState(IdentityState.IDENTITY_MATCHED).build();
        assertEquals(event, WireSerdes.IDENTITY.deserialize("i", WireSerdes.IDENTITY.serialize("i", event)));
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertNull(WireSerdes.MODEL.serialize("models", null));
        assertNull(WireSerdes.MODEL.deserialize("models", null));
    }

    @Test
    void bytesThatDoNotParseAreRejectedWithTheTopicInTheMessage() {
        BadMessageException e = assertThrows(BadMessageException.class,
                () -> WireSerdes.FRAME.deserialize("frames", new byte[] {(byte) 0xff, 0x00, 0x13}));
        assertTrue(e.getMessage().contains("Frame on frames"), e.getMessage());
    }

    @Test
    void anUnknownSchemaMajorIsRejected() {
        Frame future = Frame.newBuilder().setSchemaVersion(WireSchema.VERSION + 1).setRef(REF).build();
        BadMessageException e = assertThrows(BadMessageException.class,
                () -> WireSerdes.FRAME.deserialize("frames", future.toByteArray()));
        assertTrue(e.getMessage().contains("schema version 2"), e.getMessage());
    }

    @Test
    void aMessageWithoutSchemaVersionIsRejected() {
        // Unrelated bytes can parse as protobuf; the missing version gives them away.
        byte[] text = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThrows(BadMessageException.class, () -> WireSerdes.IDENTITY.deserialize("identities", text));
    }
}
