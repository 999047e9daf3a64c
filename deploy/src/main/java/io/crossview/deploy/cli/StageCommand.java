package io.crossview.deploy.cli;

import io.crossview.common.kafka.StageLoop;
import io.crossview.deploy.metrics.Health;
import io.crossview.deploy.metrics.ManagementServer;
import io.crossview.matcher.query.HttpAccess;

/** Runs a consume-handle-produce stage in the foreground until Ctrl-C or SIGTERM. */
final class StageCommand {
    private StageCommand() {
    }

    /** Builds a stage loop; it may fail, with Kafka unreachable say. */
    @FunctionalInterface
    interface LoopFactory {
        StageLoop build() throws Exception;
    }

    /** The management port's access is checked before {@code stage} is built, so a refusal touches no Kafka. */
    static int runUntilSignal(String name, ManagementOptions management, int defaultPort, LoopFactory stage)
            throws Exception {
        HttpAccess access = management.access();
        StageLoop loop = stage.build();
        Thread worker = new Thread(loop, name);
        ManagementServer server = management.start(name, defaultPort, new Health(worker::isAlive, loop::ready), access);
        worker.start();
        HealthFile.keepFresh(worker::isAlive);
        System.out.println(name + ": running" + (server == null ? "" : "; metrics and health on port " + server.port())
                + "; Ctrl-C stops");
        Shutdown.awaitSignal(() -> {
            loop.close();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (server != null) {
                server.close();
            }
            System.out.println(name + ": stopped after " + loop.processed() + " records (" + loop.failed() + " to dead-letters)");
        });
        return 0;
    }
}
