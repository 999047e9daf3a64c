package io.crossview.embedder.registry;

import io.crossview.embedder.runtime.ReidModel;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model the embedder runs, and the one waiting to replace it. The registry thread
 * offers a validated, warmed-up model; the stage thread swaps it in when it starts its
 * next batch, so a batch is embedded by one model only and no message is embedded twice.
 */
public final class ModelSlot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSlot.class);

    private final AtomicReference<ReidModel> pending = new AtomicReference<>();
    private volatile ReidModel current;
    private volatile boolean closed;

    public ModelSlot(ReidModel initial) {
        this.current = initial;
    }

    /** The model for the next batch; called by the stage thread only, which closes the one it replaces. */
    public ReidModel forNextBatch() {
        ReidModel next = pending.getAndSet(null);
        if (next != null) {
            ReidModel old = current;
            current = next;
            LOG.info("re-ID model swapped: {} -> {} (between batches)", old.version(), next.version());
            old.close();
        }
        return current;
    }

    /** The model of the last batch (or the first one); safe from any thread. */
    public ReidModel current() {
        return current;
    }

    /** Queues a model to swap in; a model still waiting is replaced (and closed) by a newer one. */
    public void offer(ReidModel next) {
        if (closed) {
            next.close();
            return;
        }
        ReidModel replaced = pending.getAndSet(next);
        if (replaced != null) {
            replaced.close();
        }
    }

    /** The version that will run next: the pending one if any, else the current one. */
    public String nextVersion() {
        ReidModel waiting = pending.get();
        return waiting != null ? waiting.version() : current.version();
    }

    @Override
    public void close() {
        closed = true;
        ReidModel waiting = pending.getAndSet(null);
        if (waiting != null) {
            waiting.close();
        }
        current.close();
    }
}
