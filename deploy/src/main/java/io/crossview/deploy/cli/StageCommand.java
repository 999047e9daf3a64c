package io.crossview.deploy.cli;

import io.crossview.common.kafka.StageLoop;

/** Runs a consume-handle-produce stage in the foreground until Ctrl-C or SIGTERM. */
final class StageCommand {
    private StageCommand() {
    }

    static int runUntilSignal(String name, StageLoop loop) throws InterruptedException {
        Thread worker = new Thread(loop, name);
        worker.start();
        HealthFile.keepFresh(worker::isAlive);
        System.out.println(name + ": running; Ctrl-C stops");
        Shutdown.awaitSignal(() -> {
            loop.close();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println(name + ": stopped after " + loop.processed() + " records (" + loop.failed() + " to dead-letters)");
        });
        return 0;
    }
}
