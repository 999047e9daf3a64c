package io.crossview.deploy.eval;

import io.crossview.embedder.eval.ReidEvaluator;
import io.crossview.embedder.eval.ReidReport;
import io.crossview.embedder.runtime.ReidModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossview eval reid}: CMC and mAP of a re-ID model under the Market-1501 protocol. */
@Command(name = "reid", mixinStandardHelpOptions = true,
        description = {"CMC rank-1/5/10 and mAP of a re-ID model on a Market-1501 style folder "
                + "(DIR/query, DIR/bounding_box_test), with the embedder's own preprocessing."})
public final class EvalReidCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "M.onnx", description = "ONNX re-ID model (default: the built-in model)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Market-1501 style folder")
    Path data;

    @Option(names = "--json", description = "Print {\"rank1\":..,\"rank5\":..,\"rank10\":..,\"mAP\":..} only")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (ReidModel reid = model == null ? ReidModel.builtin() : ReidModel.open(model)) {
            ReidEvaluator evaluator = new ReidEvaluator(reid, ReidEvaluator.DEFAULT_BATCH, 500,
                    (done, total) -> {
                        if (!json) {
                            System.err.println("eval reid: embedded " + done + "/" + total + " images");
                        }
                    });
            ReidReport report = evaluator.evaluate(data);
            System.out.println(json ? report.toJson() : report.toText());
        }
        return 0;
    }
}
