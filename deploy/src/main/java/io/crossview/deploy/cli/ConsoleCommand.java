package io.crossview.deploy.cli;

import io.crossview.deploy.console.ConsoleServer;
import io.crossview.deploy.console.ConsoleSettings;
import io.crossview.deploy.metrics.Health;
import io.crossview.matcher.query.HttpAccess;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossview console}: the web console over a running pipeline, until Ctrl-C or SIGTERM. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Serve the web console: live camera tiles with identity ids, identity timelines with crops, "
                + "search by picture, camera health, and models.",
            "It reads the topics itself and asks the matcher's query API (crossview match) for timelines and searches."})
public final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the console (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--matcher-url", defaultValue = "http://127.0.0.1:7070", paramLabel = "URL",
            description = "The matcher's query API (default: ${DEFAULT-VALUE}); it is sent the same token")
    String matcherUrl;

    @Option(names = "--frames-kept", paramLabel = "N", defaultValue = "" + ConsoleSettings.DEFAULT_KEPT_FRAMES,
            description = "Frames kept per camera for the live tiles: more than the pipeline's latency in frames "
                    + "(default: ${DEFAULT-VALUE})")
    int framesKept;

    @Mixin
    HttpOptions http;

    @Override
    public Integer call() throws Exception {
        HttpAccess access = http.access(); // a refused setting before any connection
        ConsoleServer console = ConsoleServer.start(kafka.connection(), kafka.ensureTopics(),
                new ConsoleSettings(matcherUrl, access.authorization(), access, port, framesKept), Health.UP);
        HealthFile.keepFresh(console::feedAlive);
        System.out.println("console: " + console.url() + " over " + matcherUrl + " on " + access + "; Ctrl-C stops");
        Shutdown.awaitSignal(console::close);
        return 0;
    }
}
