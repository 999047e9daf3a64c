package io.crossview.eval.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorldSpecTest {
    @Test
    void aBareAddressTakesEveryDefault() {
        SynthUri uri = SynthUri.parse("synth://cam2");
        assertEquals("cam2", uri.camera());
        assertEquals(WorldSpec.DEFAULT, uri.spec());
        assertEquals(new WorldSpec(1, 4, 12, 60, 10, 640, 480), WorldSpec.DEFAULT);
        assertEquals(600, WorldSpec.DEFAULT.frames());
    }

    @Test
    void everyParameterIsRead() {
        SynthUri uri = SynthUri.parse("synth://cam3?seed=7&cameras=5&people=20&seconds=12.5&fps=8&width=320&height=240");
        assertEquals("cam3", uri.camera());
        assertEquals(new WorldSpec(7, 5, 20, 12.5, 8, 320, 240), uri.spec());
        assertEquals(100, uri.spec().frames());
    }

    @Test
    void theShortFormWithoutSlashesAndAPartialQueryWork() {
        SynthUri uri = SynthUri.parse("synth:cam1?seed=-3&people=0");
        assertEquals(WorldSpec.DEFAULT.withSeed(-3).withPeople(0), uri.spec());
        assertTrue(SynthUri.isSynth(" SYNTH://cam1"));
        assertFalse(SynthUri.isSynth("file:/tmp/x.mp4"));
    }

    @Test
    void anAddressPrintsAsItParses() {
        SynthUri uri = SynthUri.parse("synth://cam4?seconds=2.5&seed=9");
        assertEquals("synth://cam4?seed=9&cameras=4&people=12&seconds=2.5&fps=10&width=640&height=480", uri.toString());
        assertEquals(uri, SynthUri.parse(uri.toString()));
    }

    @Test
    void badParametersAreNamedInTheMessage() {
        assertMessage("unknown synth parameter 'colour'; known: seed, cameras, people, seconds, fps, width, height",
                "synth://cam1?colour=red");
        assertMessage("synth people must be a whole number, got 'many'", "synth://cam1?people=many");
        assertMessage("synth fps must be a number, got 'NaN'", "synth://cam1?fps=NaN");
        assertMessage("synth cameras must be 1..8, got 9", "synth://cam1?cameras=9");
        assertMessage("synth people must be 0..500, got -1", "synth://cam1?people=-1");
        assertMessage("synth seconds must be in (0, 86400], got 0.0", "synth://cam1?seconds=0");
        assertMessage("synth width must be an even number in 64..4096, got 641", "synth://cam1?width=641");
        assertMessage("synth parameter 'seed' is given twice", "synth://cam1?seed=1&seed=2");
        assertMessage("synth parameter 'seed' must look like name=value", "synth://cam1?seed");
    }

    @Test
    void theCameraMustExistInTheWorld() {
        assertMessage("synth camera cam5 does not exist in a world of 4 cameras", "synth://cam5");
        assertMessage("synth camera must be cam1..cam8, got 'lobby'", "synth://lobby?seed=1");
        assertMessage("synth address names no camera (synth://cam1?...): 'synth://?seed=1'", "synth://?seed=1");
        assertMessage("not a synth: address: 'rtsp://cam1'", "rtsp://cam1");
        assertEquals("cam2", SynthUri.parse("synth://cam2?cameras=2").camera());
    }

    private static void assertMessage(String expected, String uri) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SynthUri.parse(uri));
        assertEquals(expected, e.getMessage());
    }
}
