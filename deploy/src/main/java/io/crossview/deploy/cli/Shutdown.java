package io.crossview.deploy.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks until Ctrl-C or SIGTERM, then runs the given stop action once. */
public final class Shutdown {
    private Shutdown() {
    }

    public static void awaitSignal(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "crossview-shutdown"));
        stopped.await();
    }
}
