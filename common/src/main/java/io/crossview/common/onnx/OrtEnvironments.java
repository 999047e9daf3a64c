package io.crossview.common.onnx;

import ai.onnxruntime.OrtEnvironment;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The process's ONNX Runtime environment, created on a thread with a large stack. ONNX Runtime
 * 1.29's environment creation recurses over the process's command line: a JVM started with a
 * long {@code -cp} (about 8 000 characters, as a test runner or an IDE makes) overflowed the
 * default 1 MiB Java thread stack and died with SIGSEGV and no error report (measured; see
 * docs/embedding.md). Every ONNX Runtime user in CrossView takes its environment from here.
 */
public final class OrtEnvironments {
    private static final long STACK_BYTES = 256L * 1024 * 1024;
    private static volatile OrtEnvironment shared;

    private OrtEnvironments() {
    }

    public static OrtEnvironment shared() {
        OrtEnvironment env = shared;
        if (env == null) {
            synchronized (OrtEnvironments.class) {
                if (shared == null) {
                    shared = create();
                }
                env = shared;
            }
        }
        return env;
    }

    private static OrtEnvironment create() {
        AtomicReference<OrtEnvironment> created = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                created.set(OrtEnvironment.getEnvironment());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "onnxruntime-init", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting ONNX Runtime", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("ONNX Runtime did not start: " + failure.get().getMessage(), failure.get());
        }
        return created.get();
    }
}
