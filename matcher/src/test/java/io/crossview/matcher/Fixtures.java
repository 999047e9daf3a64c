package io.crossview.matcher;

import io.crossview.common.serde.WireSchema;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.FrameRef;
import io.crossview.common.wire.Vector;

/** Builders of embedding messages for matcher tests. */
public final class Fixtures {
    public static final String MODEL = "test-model@000000000000";

    private Fixtures() {
    }

    /** A unit vector along one axis of a 8-dimensional space: different axes are orthogonal people. */
    public static Vector person(int axis) {
        Vector.Builder v = Vector.newBuilder();
        for (int i = 0; i < 8; i++) {
            v.addValues(i == axis ? 1f : 0f);
        }
        return v.build();
    }

    public static EmbeddedBox box(float x, float y, Vector appearance) {
        return EmbeddedBox.newBuilder()
                .setBox(Box.newBuilder().setX(x).setY(y).setW(40).setH(100).setScore(1))
                .setGlobal(appearance)
                .build();
    }

    public static FrameEmbeddings frame(String camera, long seq, EmbeddedBox... boxes) {
        FrameEmbeddings.Builder frame = FrameEmbeddings.newBuilder()
                .setSchemaVersion(WireSchema.VERSION)
                .setModelVersion(MODEL)
                .setFrame(FrameRef.newBuilder().setCamera(camera).setSite("site").setSeq(seq)
                        .setCaptureMs(1_000_000 + seq * 200).setWidth(384).setHeight(576));
        for (EmbeddedBox box : boxes) {
            frame.addBoxes(box);
        }
        return frame.build();
    }
}
