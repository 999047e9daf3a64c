package io.crossview.matcher.harvest;

import static io.crossview.matcher.Fixtures.frame;
import static io.crossview.matcher.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.crossview.common.wire.Box;
import io.crossview.common.wire.EmbeddedBox;
import io.crossview.common.wire.FrameEmbeddings;
import io.crossview.common.wire.TrackState;
import io.crossview.common.wire.Vector;
import io.crossview.matcher.harvest.HarvestSelector.Gate;
import io.crossview.matcher.harvest.HarvestSelector.Pick;
import io.crossview.matcher.harvest.HarvestSelector.Skip;
import io.crossview.matcher.harvest.HarvestSelector.Verdict;
import org.junit.jupiter.api.Test;

class HarvestSelectorTest {
    // Fixtures frames are 384 x 576
    private static final ByteString CROP = ByteString.copyFromUtf8("jpeg");
    private static final TrackState FRESH = TrackState.newBuilder().setId(1).build();

    private final HarvestSelector selector = new HarvestSelector(HarvestPolicy.defaults());

    private static EmbeddedBox detection(float x, float y, float w, float h, float score, Vector who) {
        return EmbeddedBox.newBuilder().setBox(Box.newBuilder().setX(x).setY(y).setW(w).setH(h).setScore(score))
                .setGlobal(who).setCropJpeg(CROP).build();
    }

    private static EmbeddedBox good() {
        return detection(100, 100, 60, 160, 0.9f, person(0));
    }

    /** The verdict on the first box of a frame at {@code seq} holding {@code boxes}. */
    private Verdict judge(TrackState track, long seq, EmbeddedBox... boxes) {
        return selector.judge(track, frame("cam", seq, boxes), 0);
    }

    private static TrackState harvested(int count, long lastSeq, Vector last) {
        return FRESH.toBuilder().setHarvested(count).setLastHarvestSeq(lastSeq).setLastHarvest(last).build();
    }

    private static Gate gate(Verdict verdict) {
        return assertInstanceOf(Skip.class, verdict).gate();
    }

    private static double quality(Verdict verdict) {
        return assertInstanceOf(Pick.class, verdict).quality();
    }

    /** A unit vector at {@code cosine} to person(0), in the plane of axes 0 and 1. */
    private static Vector at(double cosine) {
        Vector.Builder v = Vector.newBuilder().addValues((float) cosine)
                .addValues((float) Math.sqrt(1 - cosine * cosine));
        for (int i = 2; i < 8; i++) {
            v.addValues(0f);
        }
        return v.build();
    }

    @Test
    void aLargeConfidentWholeUnoccludedCropIsPicked() {
        double q = quality(judge(FRESH, 100, good()));
        assertTrue(q > 0 && q <= 1, "quality " + q);
    }

    @Test
    void aDetectionWithoutACropIsSkipped() {
        EmbeddedBox bare = good().toBuilder().clearCropJpeg().build();
        assertEquals(Gate.NO_CROP, gate(judge(FRESH, 100, bare)));
    }

    @Test
    void aTrackStopsAtItsQuota() {
        assertInstanceOf(Pick.class, judge(harvested(7, 0, at(0)), 100, good()));
        assertEquals(Gate.QUOTA, gate(judge(harvested(8, 0, at(0)), 100, good())));
        HarvestSelector off = new HarvestSelector(new HarvestPolicy(0, 64, 0.5, 0.1, 10, 0.95, 2));
        assertEquals(Gate.QUOTA, gate(off.judge(FRESH, frame("cam", 100, good()), 0)));
    }

    @Test
    void picksAreAtLeastMinFrameGapApart() {
        assertEquals(Gate.TOO_SOON, gate(judge(harvested(1, 91, at(0)), 100, good())));
        assertInstanceOf(Pick.class, judge(harvested(1, 90, at(0)), 100, good()));
        assertInstanceOf(Pick.class, judge(FRESH, 3, good()), "no pick yet: seq 3 is not too soon after nothing");
    }

    @Test
    void aWeakDetectionIsSkipped() {
        assertEquals(Gate.LOW_SCORE, gate(judge(FRESH, 100, detection(100, 100, 60, 160, 0.49f, person(0)))));
        assertInstanceOf(Pick.class, judge(FRESH, 100, detection(100, 100, 60, 160, 0.5f, person(0))));
    }

    @Test
    void aSmallBoxIsSkipped() {
        assertEquals(Gate.TOO_SMALL, gate(judge(FRESH, 100, detection(100, 100, 30, 47, 0.9f, person(0)))));
        assertEquals(Gate.TOO_SMALL, gate(judge(FRESH, 100, detection(100, 100, 0, 120, 0.9f, person(0)))));
        assertInstanceOf(Pick.class, judge(FRESH, 100, detection(100, 100, 30, 48, 0.9f, person(0))));
    }

    @Test
    void aBoxTheBorderCutsIsSkipped() {
        assertEquals(Gate.AT_EDGE, gate(judge(FRESH, 100, detection(1, 100, 60, 160, 0.9f, person(0)))));
        assertEquals(Gate.AT_EDGE, gate(judge(FRESH, 100, detection(100, 1.5f, 60, 160, 0.9f, person(0)))));
        assertEquals(Gate.AT_EDGE, gate(judge(FRESH, 100, detection(323, 100, 60, 160, 0.9f, person(0)))),
                "right edge at 383 of 384");
        assertEquals(Gate.AT_EDGE, gate(judge(FRESH, 100, detection(100, 415, 60, 160, 0.9f, person(0)))),
                "bottom edge at 575 of 576");
        assertInstanceOf(Pick.class, judge(FRESH, 100, detection(2, 2, 380, 572, 0.9f, person(0))),
                "2 px from every border is inside");
        FrameEmbeddings unknownSize = frame("cam", 100, good()).toBuilder()
                .setFrame(frame("cam", 100).getFrame().toBuilder().clearWidth().clearHeight()).build();
        assertEquals(Gate.AT_EDGE, gate(selector.judge(FRESH, unknownSize, 0)), "unknown frame size proves nothing");
    }

    @Test
    void aBoxAnotherBoxCoversIsSkipped() {
        EmbeddedBox neighbour = detection(150, 100, 60, 160, 0.9f, person(1)); // covers 10 of 60 px: 0.17
        assertEquals(Gate.OCCLUDED, gate(judge(FRESH, 100, good(), neighbour)));
        EmbeddedBox touching = detection(154, 100, 60, 160, 0.9f, person(1)); // covers 6 of 60 px: exactly 0.1
        assertInstanceOf(Pick.class, judge(FRESH, 100, good(), touching));
        assertInstanceOf(Pick.class, judge(FRESH, 100, good(), detection(200, 100, 60, 160, 0.9f, person(1))));
    }

    @Test
    void aSmallPersonHalfBehindATallOneIsOccludedThoughTheirIouIsSmall() {
        EmbeddedBox child = detection(100, 200, 40, 80, 0.9f, person(0));
        EmbeddedBox adult = detection(120, 60, 120, 300, 0.9f, person(1)); // covers half the child: IoU 0.043
        assertEquals(Gate.OCCLUDED, gate(judge(FRESH, 100, child, adult)));
        assertInstanceOf(Pick.class, selector.judge(FRESH, frame("cam", 100, child, adult), 1),
                "the adult in front is only 4 % covered by the child");
    }

    @Test
    void onlyACropUnlikeTheLastPickedOneIsPicked() {
        assertEquals(Gate.TOO_SIMILAR, gate(judge(harvested(1, 50, at(1)), 100, good())));
        assertEquals(Gate.TOO_SIMILAR, gate(judge(harvested(1, 50, at(0.985)), 100, good())));
        assertInstanceOf(Pick.class, judge(harvested(1, 50, at(0.97)), 100, good()));
        assertInstanceOf(Pick.class, judge(harvested(1, 50, person(3)), 100, good()));
    }

    @Test
    void qualityRanksTallerMoreConfidentAndClearerCropsHigher() {
        double tall = quality(judge(FRESH, 100, detection(100, 100, 60, 200, 0.9f, person(0))));
        double short_ = quality(judge(FRESH, 100, detection(100, 100, 60, 100, 0.9f, person(0))));
        double sure = quality(judge(FRESH, 100, detection(100, 100, 60, 100, 0.95f, person(0))));
        double unsure = quality(judge(FRESH, 100, detection(100, 100, 60, 100, 0.6f, person(0))));
        double clear = quality(judge(FRESH, 100, good()));
        double touched = quality(judge(FRESH, 100, good(), detection(157, 100, 60, 160, 0.9f, person(1))));
        assertTrue(tall > short_, tall + " > " + short_);
        assertTrue(sure > unsure, sure + " > " + unsure);
        assertTrue(clear > touched, clear + " > " + touched);
        assertEquals(1.0, quality(judge(FRESH, 100, detection(100, 100, 100, 256, 1f, person(0)))), 1e-9,
                "full height, certain, alone");
        assertEquals((64 / 256.0 + 0.5 + 0) / 3, quality(judge(FRESH, 100, detection(100, 100, 30, 64, 0.5f, person(0)),
                detection(127, 100, 30, 64, 0.5f, person(1)))), 1e-6, "every factor at its gate");
    }

    @Test
    void nonsensePoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HarvestPolicy(-1, 64, 0.5, 0.1, 10, 0.95, 2));
        assertThrows(IllegalArgumentException.class, () -> new HarvestPolicy(8, -1, 0.5, 0.1, 10, 0.95, 2));
        assertThrows(IllegalArgumentException.class, () -> new HarvestPolicy(8, 64, 1.5, 0.1, 10, 0.95, 2));
        assertThrows(IllegalArgumentException.class, () -> new HarvestPolicy(8, 64, 0.5, -0.1, 10, 0.95, 2));
        assertThrows(IllegalArgumentException.class, () -> new HarvestPolicy(8, 64, 0.5, 0.1, -1, 0.95, 2));
        assertThrows(IllegalArgumentException.class, () -> new HarvestPolicy(8, 64, 0.5, 0.1, 10, 1.5, 2));
        assertThrows(IllegalArgumentException.class, () -> new HarvestPolicy(8, 64, 0.5, 0.1, 10, 0.95, -2));
        HarvestPolicy d = HarvestPolicy.defaults();
        assertEquals(new HarvestPolicy(8, 48, 0.5, 0.1, 10, 0.98, 2), d);
    }
}
