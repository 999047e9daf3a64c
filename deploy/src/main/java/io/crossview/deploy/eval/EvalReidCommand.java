package io.crossview.deploy.eval;

import io.crossview.eval.reid.ReidEvaluator;
import io.crossview.eval.reid.ReidReport;
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

    @Option(names = "--against", paramLabel = "M2.onnx",
            description = "Also measure this model (default with --against-builtin: the built-in one) on the same data and print the gap")
    Path against;

    @Option(names = "--against-builtin", description = "Compare --model with the built-in model on the same data")
    boolean againstBuiltin;

    @Option(names = "--json", description = "Print {\"rank1\":..,\"rank5\":..,\"rank10\":..,\"mAP\":..} only")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ReidReport first = measure(model);
        if (against == null && !againstBuiltin) {
            System.out.println(json ? first.toJson() : first.toText());
            return 0;
        }
        ReidReport second = measure(againstBuiltin ? null : against);
        if (json) {
            System.out.println("{\"model\":" + first.toJson() + ",\"against\":" + second.toJson() + "}");
        } else {
            System.out.println(first.toText());
            System.out.println(second.toText());
            System.out.printf(java.util.Locale.ROOT, "gap: mAP %+.1f points, rank-1 %+.1f points (%s minus %s)%n",
                    100 * (first.mAP() - second.mAP()), 100 * (first.rank1() - second.rank1()),
                    first.modelVersion(), second.modelVersion());
        }
        return 0;
    }

    private ReidReport measure(Path file) throws Exception {
        try (ReidModel reid = file == null ? ReidModel.builtin() : ReidModel.open(file)) {
            ReidEvaluator evaluator = new ReidEvaluator(reid, ReidEvaluator.DEFAULT_BATCH, 500,
                    (done, total) -> {
                        if (!json) {
                            System.err.println("eval reid: " + reid.version() + " embedded " + done + "/" + total + " images");
                        }
                    });
            return evaluator.evaluate(data);
        }
    }
}
