package io.crossview.deploy.cli;

import io.crossview.deploy.bench.BenchCommand;
import io.crossview.deploy.demo.DemoCommand;
import io.crossview.deploy.eval.EvalCommand;
import io.crossview.deploy.run.RunCommand;
import io.crossview.deploy.synth.SynthCommand;
import io.crossview.deploy.synth.EvalSources;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crossview} command line. */
@Command(name = "crossview", mixinStandardHelpOptions = true, version = "crossview 0.1.0",
        description = "Streaming multi-camera person re-identification on Kafka.",
        subcommands = {DemoCommand.class, RunCommand.class, SynthCommand.class, EvalCommand.class, BenchCommand.class, BrokerCommand.class, ClusterCommand.class, TopicsCommand.class, IdentitiesCommand.class, IngestCommand.class, DetectCommand.class,
            EmbedCommand.class, MatchCommand.class, ModelsCommand.class, ReplayCommand.class, ExportCommand.class, CropsCommand.class, TrainCommand.class, ConsoleCommand.class})
public final class CrossviewCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; failures print one readable line, never a stack trace. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.err, true), args);
    }

    public static int run(java.io.PrintWriter err, String... args) {
        EvalSources.register(); // synth:// cameras, in cameras files too, for every command
        CommandLine cli = new CommandLine(new CrossviewCli());
        cli.setErr(err);
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + oneLine(error));
            return 1;
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable error) {
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}
