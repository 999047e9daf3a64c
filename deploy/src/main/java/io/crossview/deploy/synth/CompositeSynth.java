package io.crossview.deploy.synth;

import io.crossview.common.sample.SampleVideo;
import io.crossview.eval.composite.CompositeSpec;
import io.crossview.eval.composite.CompositeWriter;
import io.crossview.eval.composite.PersonCutter;
import io.crossview.eval.composite.SourceVideo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code crossview synth --composite}: real people cut from a video, pasted into views of its empty scene. */
final class CompositeSynth {
    private CompositeSynth() {
    }

    static CompositeWriter.Summary run(CompositeSpec spec, Path from, Path out, PrintStream progress) throws IOException {
        long started = System.nanoTime();
        Path video = from != null ? from : SampleVideo.vtest();
        SourceVideo source = SourceVideo.open(video);
        progress.println("composite: " + video + ": " + source.width() + "x" + source.height() + ", " + source.frames()
                + " frames at " + source.fps() + " fps");
        PersonCutter.Result cut;
        try (NanodetPeople nanodet = NanodetPeople.open()) {
            progress.println("composite: finding people with " + nanodet.modelId());
            cut = PersonCutter.cut(source, nanodet, spec.cameras(), spec.maxPeople(), PersonCutter.Rules.DEFAULT,
                    line -> progress.println("composite: " + line));
        }
        CompositeWriter.Summary summary = CompositeWriter.write(spec, cut, out, line -> progress.println("composite: " + line));
        progress.printf("composite: done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return summary;
    }
}
