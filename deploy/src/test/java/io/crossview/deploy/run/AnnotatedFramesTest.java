package io.crossview.deploy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AnnotatedFramesTest {
    @Test
    void exactlyOneSampledFramePerPickWhateverThePhase() {
        AnnotatedFrames picks = new AnnotatedFrames(100, 40, 2, 6);
        List<Long> even = LongStream.range(100, 140).filter(s -> s % 2 == 0).filter(picks::contains).boxed().toList();
        List<Long> odd = LongStream.range(100, 140).filter(s -> s % 2 == 1).filter(picks::contains).boxed().toList();
        assertEquals(List.of(104L, 110L, 118L, 124L, 130L, 138L), even);
        assertEquals(List.of(103L, 111L, 117L, 123L, 131L, 137L), odd);
    }

    @Test
    void everyFrameSampledPicksSpreadOverTheVideo() {
        AnnotatedFrames picks = new AnnotatedFrames(0, 795, 1, 6);
        assertEquals(List.of(66L, 199L, 331L, 464L, 596L, 729L),
                LongStream.range(0, 795).filter(picks::contains).boxed().toList());
    }
}
