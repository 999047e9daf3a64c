package io.crossview.embedder.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crossview.embedder.model.AppearanceModel;
import io.crossview.embedder.runtime.ReidModel;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ModelSlotTest {
    @Test
    void anOfferedModelTakesOverOnlyAtTheNextBatchAndTheOldOneIsReleased() {
        ReidModel first = ReidModel.builtin();
        ReidModel second = ReidModel.open(AppearanceModel.build("second"));
        try (ModelSlot slot = new ModelSlot(first)) {
            assertSame(first, slot.forNextBatch());
            slot.offer(second);
            assertSame(first, slot.current(), "a batch in progress keeps its model");
            assertEquals(second.version(), slot.nextVersion());
            assertSame(second, slot.forNextBatch());
            try (Mat crop = new Mat(20, 10, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
                assertThrows(IllegalStateException.class, () -> first.embed(List.of(crop)), "the old model was closed");
            }
        }
    }

    @Test
    void aNewerOfferReplacesOneStillWaiting() {
        ReidModel b = ReidModel.open(AppearanceModel.build("b"));
        ReidModel c = ReidModel.open(AppearanceModel.build("c"));
        try (ModelSlot slot = new ModelSlot(ReidModel.builtin())) {
            slot.offer(b);
            slot.offer(c);
            assertSame(c, slot.forNextBatch());
        }
    }
}
